import { useSyncExternalStore } from 'react';

/** Below this width the session controls fold away, so a phone shows the views first. */
const NARROW_SCREEN = '(max-width: 47.99rem)';

function query(): MediaQueryList | undefined {
  // jsdom and very old browsers have no matchMedia: they get the wide layout.
  return typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_SCREEN) : undefined;
}

function subscribe(listener: () => void): () => void {
  const list = query();
  list?.addEventListener('change', listener);
  return () => list?.removeEventListener('change', listener);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
