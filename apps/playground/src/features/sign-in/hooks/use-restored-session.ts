import { useEffect, useState } from 'react';
import { endCookieSession } from '../../../lib/end-session';
import type { TokenDelivery } from '@authlab/shared';
import { sessionStore } from '../../../lib/session-store';
import { restoreCookieSession } from '../api/restore-session';

export type RestoreState = 'checking' | 'done';

export interface RestoredSession {
  state: RestoreState;
  /** The delivery of the session the page found on load, if any. */
  found?: TokenDelivery;
  /** Something the learner should know about what the browser held. */
  note?: string;
}

let restoring: Promise<void> = Promise.resolve();

/** Resolves once the page knows what the browser holds: a sign-in waits for it. */
export function restoreFinished(): Promise<void> {
  return restoring;
}

/**
 * On load, the page asks the API what the browser really holds, instead of assuming "nobody":
 * a cookie session outlives the page, and this tab may have kept a Bearer session.
 */
export function useRestoredSession(): RestoredSession {
  const [restored, setRestored] = useState<RestoredSession>(() => ({
    state: 'checking',
    ...(sessionStore.get() ? { found: sessionStore.get()!.delivery } : {}),
  }));

  useEffect(() => {
    const controller = new AbortController();
    const before = sessionStore.get();
    async function run(): Promise<RestoredSession> {
      const found = await restoreCookieSession(controller.signal);
      if (found.kind === 'no-cookie')
        return before ? { state: 'done', found: before.delivery } : { state: 'done' };
      if (found.kind === 'refused-cookie') {
        await endCookieSession();
        return {
          state: 'done',
          note: `This browser still sent an access cookie that the API refuses (${found.reason}), so the page asked the API to clear it.`,
        };
      }
      if (before?.delivery === 'body') {
        return {
          state: 'done',
          found: 'body',
          note: `This browser also holds ${found.session.username}'s cookie session (from another tab). Requests sent with this tab's Bearer token leave it out; “Token travels in: Cookie” sends it.`,
        };
      }
      if (sessionStore.get() === before) sessionStore.set(found.session);
      return { state: 'done', found: 'cookie' };
    }
    restoring = run()
      .then((result) => {
        if (!controller.signal.aborted) setRestored(result);
      })
      .catch(() => {
        if (!controller.signal.aborted)
          setRestored(before ? { state: 'done', found: before.delivery } : { state: 'done' });
      });
    return () => controller.abort();
  }, []);

  return restored;
}
