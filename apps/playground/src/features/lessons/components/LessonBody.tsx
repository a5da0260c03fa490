import { createElement, type ReactNode } from 'react';
import { isSafeHref, MARKDOWN_TAGS, type MarkdownNode } from '../lib/markdown-tree';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Lesson headings sit under the lesson's own title (h2): "## Expiry" becomes an h3. */
function shiftedHeading(tag: string): string {
  const level = HEADINGS.indexOf(tag as (typeof HEADINGS)[number]);
  return HEADINGS[Math.min(level + 1, HEADINGS.length - 1)]!;
}

function render(node: MarkdownNode, key: number): ReactNode {
  if (typeof node === 'string') return node;
  // The tree comes from the build, but nothing outside the allow-list is drawn either way.
  if (!(MARKDOWN_TAGS as readonly string[]).includes(node.tag)) return null;
  const children = node.children?.map(render);
  switch (node.tag) {
    case 'a': {
      const href = node.attrs?.href;
      return href && isSafeHref(href) ? (
        <a key={key} href={href} target="_blank" rel="noreferrer">
          {children}
        </a>
      ) : (
        <span key={key}>{children}</span>
      );
    }
    case 'table':
      return (
        <div key={key} className="table-scroll">
          <table className="table">{children}</table>
        </div>
      );
    case 'th':
    case 'td':
      return createElement(
        node.tag,
        { key, style: node.attrs?.align ? { textAlign: node.attrs.align } : undefined },
        children,
      );
    case 'pre':
      // Long lines scroll sideways; focusable so a keyboard can scroll them too.
      return (
        <pre key={key} className="json-block" tabIndex={0}>
          {children}
        </pre>
      );
    case 'br':
    case 'hr':
      return createElement(node.tag, { key });
    default:
      return createElement(
        HEADINGS.includes(node.tag as (typeof HEADINGS)[number])
          ? shiftedHeading(node.tag)
          : node.tag,
        { key },
        children,
      );
  }
}

/** A lesson's Markdown body, drawn as React elements from the tree the build made (no HTML strings). */
export function LessonBody({ body }: { body: readonly MarkdownNode[] }) {
  return <div className="lesson-body">{body.map(render)}</div>;
}

/** One-line texts (tasks, hints, solutions) with `code` in backticks, as in the lesson files. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, index) =>
          part.length > 2 && part.startsWith('`') && part.endsWith('`') ? (
            <code key={index}>{part.slice(1, -1)}</code>
          ) : (
            part
          ),
        )}
    </>
  );
}
