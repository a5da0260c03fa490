import MarkdownIt, { type Token } from 'markdown-it';
import {
  isSafeHref,
  MARKDOWN_TAGS,
  type MarkdownElement,
  type MarkdownNode,
  type MarkdownTag,
} from '../../src/features/lessons/lib/markdown-tree.ts';

// html: false escapes any HTML a lesson contains; linkify off: a link is what the author wrote.
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

function isTag(tag: string): tag is MarkdownTag {
  return (MARKDOWN_TAGS as readonly string[]).includes(tag);
}

function alignOf(token: Token): MarkdownElement['attrs'] {
  const match = /text-align:\s*(left|center|right)/.exec(String(token.attrGet('style') ?? ''));
  return match ? { align: match[1] as 'left' | 'center' | 'right' } : undefined;
}

function openElement(token: Token): MarkdownElement {
  if (token.type === 'link_open') {
    const href = String(token.attrGet('href') ?? '');
    // A path into the repository means nothing in the playground: its words stay, the link goes.
    return isSafeHref(href)
      ? { tag: 'a', attrs: { href }, children: [] }
      : { tag: 'span', children: [] };
  }
  if (!isTag(token.tag))
    throw new Error(`Markdown element <${token.tag}> (${token.type}) is not one lessons may use.`);
  const attrs = token.tag === 'th' || token.tag === 'td' ? alignOf(token) : undefined;
  return attrs ? { tag: token.tag, attrs, children: [] } : { tag: token.tag, children: [] };
}

function pushText(into: MarkdownNode[], text: string): void {
  if (text === '') return;
  const last = into.at(-1);
  if (typeof last === 'string') into[into.length - 1] = last + text;
  else into.push(text);
}

function appendTokens(tokens: readonly Token[], root: MarkdownNode[]): void {
  const stack: MarkdownNode[][] = [root];
  for (const token of tokens) {
    const children = stack.at(-1)!;
    if (token.nesting === 1) {
      // Paragraphs inside tight lists are hidden: their text belongs to the list item itself.
      if (token.hidden) continue;
      const element = openElement(token);
      children.push(element);
      stack.push(element.children!);
      continue;
    }
    if (token.nesting === -1) {
      if (!token.hidden) stack.pop();
      continue;
    }
    switch (token.type) {
      case 'inline':
        appendTokens(token.children ?? [], children);
        break;
      case 'text':
      case 'html_inline':
      case 'html_block':
        // With html: false these are text already; React escapes them again when rendering.
        pushText(children, token.content);
        break;
      case 'softbreak':
        pushText(children, '\n');
        break;
      case 'hardbreak':
        children.push({ tag: 'br' });
        break;
      case 'hr':
        children.push({ tag: 'hr' });
        break;
      case 'code_inline':
        children.push({ tag: 'code', children: [token.content] });
        break;
      case 'fence':
      case 'code_block': {
        const lang = /^[\w+-]+/.exec(token.info.trim())?.[0];
        children.push({
          tag: 'pre',
          children: [
            { tag: 'code', ...(lang ? { attrs: { lang } } : {}), children: [token.content] },
          ],
        });
        break;
      }
      case 'image':
        pushText(children, token.content);
        break;
      default:
        throw new Error(`Markdown token "${token.type}" is not supported in lessons.`);
    }
  }
}

/**
 * A lesson body as a tree of allowed elements. The first level-1 heading is dropped: the runner
 * shows the lesson's title from its front matter (the heading is there for readers on GitHub).
 */
export function markdownToTree(source: string): MarkdownNode[] {
  const tree: MarkdownNode[] = [];
  appendTokens(markdown.parse(source, {}), tree);
  const first = tree.findIndex((node) => typeof node !== 'string');
  if (first !== -1 && typeof tree[first] !== 'string' && tree[first]!.tag === 'h1')
    tree.splice(first, 1);
  return tree;
}
