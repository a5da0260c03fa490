import { useSyncExternalStore } from 'react';

/** The tools: usable on their own and beside a lesson. */
export const TOOL_VIEWS = [
  {
    view: 'inspector',
    label: 'Token inspector',
    description: 'Decode a JWT, read what each claim means, check its signature.',
  },
  {
    view: 'editor',
    label: 'Token editor',
    description: 'Change a claim, re-sign or not, and see whether the API still accepts it.',
  },
  {
    view: 'request',
    label: 'Request builder',
    description: 'Send any request as any demo user: Bearer token, cookie, or nothing.',
  },
  {
    view: 'lifecycle',
    label: 'Lifecycle',
    description: 'Follow each request through middleware, guards, pipes and the handler.',
  },
  {
    view: 'cookies',
    label: 'Cookies',
    description: 'Every Set-Cookie attribute explained; what the browser keeps and sends.',
  },
  {
    view: 'rbac',
    label: 'RBAC matrix',
    description: 'Every route against every role: what the rules predict, what the API answers.',
  },
] as const;

/** Every view of the playground, in navigation order: the one list the routes, nav and tools read. */
export const NAV_VIEWS = [
  { view: 'home', label: 'Start' },
  ...TOOL_VIEWS,
  { view: 'lessons', label: 'Lessons' },
  { view: 'presenter', label: 'Presenter' },
] as const;

export type ViewName = (typeof NAV_VIEWS)[number]['view'];
export type ToolName = (typeof TOOL_VIEWS)[number]['view'];

const VIEW_NAMES: readonly string[] = NAV_VIEWS.map(({ view }) => view);

export interface HashRoute {
  view: ViewName;
  /** The rest of the path, e.g. a trace id in #/lifecycle/<id> or a lesson id in #/lessons/<id>. */
  param?: string;
}

export function parseHash(hash: string): HashRoute {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const view = VIEW_NAMES.includes(name) ? (name as ViewName) : 'home';
  const param = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  return param ? { view, param } : { view };
}

export function hrefFor(view: ViewName, param?: string): string {
  return `#/${view}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The view named in the URL's hash: links work by keyboard, history and bookmarks for free. */
export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseHash(hash);
}
