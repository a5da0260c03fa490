import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DEMO_USERS } from '@authlab/shared';
import { apiRequestRaw, type RawResponse } from '../../../lib/api-client';
import { CLOCK_KEY } from '../../../lib/api/get-clock';
import { isUnexpired } from '../../../lib/decode-jwt';
import { sessionStore, type PlaygroundSession } from '../../../lib/session-store';
import { sessionFromAnswer, signIn } from '../../../lib/sign-in';

export type AdminAction =
  | { path: '/api/clock/advance'; body: { seconds: number } }
  | { path: '/api/clock/reset' }
  | { path: '/api/demo/reset' };

/**
 * Moving the clock forward can expire the instructor's own token. The demo admin's password is
 * public (demo mode only), so the presenter signs in again rather than leave the class waiting.
 */
async function renewDemoAdmin(session: PlaygroundSession): Promise<string | undefined> {
  const demo = DEMO_USERS.find(
    (user) => user.username === session.username && user.role === 'admin',
  );
  if (!demo || session.delivery !== 'body') return undefined;
  const { data } = await signIn({ username: demo.username, password: demo.password }, 'body');
  sessionStore.set(sessionFromAnswer(data, 'body', { receivedAt: Date.now() }));
  return data.accessToken;
}

function apiNowSeconds(response: RawResponse): number | undefined {
  const now = (response.body as { now?: unknown } | undefined)?.now;
  return typeof now === 'string' ? Date.parse(now) / 1000 : undefined;
}

export async function sendAdminAction(
  session: PlaygroundSession,
  action: AdminAction,
): Promise<RawResponse> {
  const send = (token: string | undefined) =>
    apiRequestRaw(action.path, {
      method: 'POST',
      ...(token === undefined ? {} : { token }),
      ...('body' in action ? { body: action.body } : {}),
    });
  let token = session.accessToken;
  let response = await send(token);
  if (response.status === 401) {
    token = (await renewDemoAdmin(session)) ?? token;
    if (token !== session.accessToken) response = await send(token);
  }
  // The clock moved past the instructor's token: renew it now, before the live stream needs it.
  const now = apiNowSeconds(response);
  if (response.status < 300 && token && now !== undefined && !isUnexpired(token, now))
    await renewDemoAdmin(session);
  return response;
}

/** An instructor's action, answered whatever its status; the clock is read again afterwards. */
export function useAdminAction(session: PlaygroundSession | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: AdminAction) => {
      if (!session) throw new Error('Sign in as admin first.');
      return sendAdminAction(session, action);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: CLOCK_KEY });
    },
  });
}
