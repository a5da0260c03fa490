import { useSyncExternalStore } from 'react';

export const VIEWS = [
  'home',
  'inspector',
  'editor',
  'request',
  'lifecycle',
  'cookies',
  'rbac',
  'lessons',
  'presenter',
] as const;
export type ViewName = (typeof VIEWS)[number];

export interface HashRoute {
  view: ViewName;
  /** The rest of the path, e.g. a trace id in #/lifecycle/<id> or a lesson id in #/lessons/<id>. */
  param?: string;
}

export function parseHash(hash: string): HashRoute {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewName) : 'home';
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
