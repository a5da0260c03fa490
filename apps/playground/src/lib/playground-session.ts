import { PLAYGROUND_SESSION_ID } from '@authlab/shared';

const STORAGE_KEY = 'authlab.playground-session';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

let cached: string | undefined;

/**
 * This browser's playground session id, made once and kept in localStorage. The API shows
 * traces of anonymous requests only to the session that sent them, so every request carries it.
 */
export function playgroundSessionId(): string {
  if (cached) return cached;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be off (private mode, sandboxed frame): a per-page id still works.
  }
  cached = stored && PLAYGROUND_SESSION_ID.test(stored) ? stored : randomId();
  try {
    localStorage.setItem(STORAGE_KEY, cached);
  } catch {
    // See above.
  }
  return cached;
}

/** Forgets the cached id (tests). */
export function resetPlaygroundSessionForTests(): void {
  cached = undefined;
}
