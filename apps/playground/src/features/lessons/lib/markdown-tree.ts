/**
 * A lesson's Markdown body as the build turns it into data: text, or an element of an allowed
 * tag with allowed attributes. The page builds React elements from it, so no HTML string from a
 * lesson ever reaches the DOM.
 */
export type MarkdownNode = string | MarkdownElement;

export interface MarkdownElement {
  tag: MarkdownTag;
  /** Only `href` (links, checked by isSafeHref), `lang` (code blocks) and `align` (table cells). */
  attrs?: { href?: string; lang?: string; align?: 'left' | 'center' | 'right' };
  children?: MarkdownNode[];
}

export const MARKDOWN_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  's',
  'a',
  'span',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;
export type MarkdownTag = (typeof MARKDOWN_TAGS)[number];

/**
 * Links a lesson may carry: web pages. A relative path points into the repository, and an anchor
 * would change the playground's hash route, so both stay as words.
 */
export function isSafeHref(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href);
}
