import type { UserProfile } from '@authlab/shared';
import { apiRequestRaw } from '../../../lib/api-client';
import { browserHoldsAccessCookie } from '../../../lib/end-session';
import { storedSession } from '../../../lib/session-storage';
import type { PlaygroundSession } from '../../../lib/session-store';

/** What the browser really holds for the API, learned when the page loads. */
export type RestoredState =
  | { kind: 'cookie-session'; session: PlaygroundSession }
  /** The browser sends an access cookie the API refuses (revoked or from an older key). */
  | { kind: 'refused-cookie'; reason: string }
  | { kind: 'no-cookie' };

/**
 * Cookies outlive the page: asks the API which cookies arrive (GET /api/auth/cookies) and, when
 * the access cookie does, who it belongs to (GET /api/auth/me with the cookie alone).
 */
export async function restoreCookieSession(signal?: AbortSignal): Promise<RestoredState> {
  if (!(await browserHoldsAccessCookie(signal))) return { kind: 'no-cookie' };
  const me = await apiRequestRaw('/api/auth/me', {
    background: true,
    ...(signal ? { signal } : {}),
  });
  if (me.status !== 200) {
    const message = (me.body as { message?: unknown } | undefined)?.message;
    return {
      kind: 'refused-cookie',
      reason: typeof message === 'string' ? message : `GET /api/auth/me answered ${me.status}`,
    };
  }
  const profile = me.body as UserProfile;
  // This tab may remember the sign-in (its expiry and trace); another tab's cookie is news to it.
  const remembered = storedSession();
  const known =
    remembered?.delivery === 'cookie' && remembered.username === profile.username
      ? remembered
      : undefined;
  return {
    kind: 'cookie-session',
    session: {
      username: profile.username,
      role: profile.role,
      delivery: 'cookie',
      expiresIn: known?.expiresIn ?? 0,
      ...(known?.expiresAt ? { expiresAt: known.expiresAt } : {}),
      ...(known?.signInTraceId ? { signInTraceId: known.signInTraceId } : {}),
    },
  };
}
