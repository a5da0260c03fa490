import { useEffect, useRef, useState } from 'react';
import type { SignInRequest } from '@authlab/shared';
import type { PlaygroundSession, TokenDelivery } from '../../../lib/session-store';
import { signIn } from '../api/sign-in';

export type SignInState =
  | { status: 'idle' }
  | { status: 'pending'; username: string }
  | { status: 'success'; username: string; session: PlaygroundSession }
  | { status: 'error'; username: string; error: Error };

/**
 * Signs in on demand. A newer attempt cancels an older one, so a slow answer for the first
 * button pressed can never overwrite the session of the last one.
 */
export function useSignIn(onSessionChange: (session: PlaygroundSession | null) => void) {
  const [state, setState] = useState<SignInState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  async function start(credentials: SignInRequest, delivery: TokenDelivery): Promise<void> {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setState({ status: 'pending', username: credentials.username });
    onSessionChange(null);
    try {
      const { data, traceId } = await signIn(credentials, delivery, controller.signal);
      if (controller.signal.aborted) return;
      const accessToken = 'accessToken' in data ? data.accessToken : undefined;
      if (delivery === 'cookie' && accessToken) {
        throw new Error(
          'The API answered with the token in the body: this version of the API has no cookie mode.',
        );
      }
      const session: PlaygroundSession = {
        username: data.user.username,
        role: data.user.role,
        delivery,
        expiresIn: data.expiresIn,
        ...(accessToken ? { accessToken } : {}),
        ...(traceId ? { signInTraceId: traceId } : {}),
      };
      setState({ status: 'success', username: credentials.username, session });
      onSessionChange(session);
    } catch (error) {
      if (controller.signal.aborted) return;
      const reason = error instanceof Error ? error : new Error(String(error));
      setState({ status: 'error', username: credentials.username, error: reason });
    }
  }

  function reset(): void {
    current.current?.abort();
    setState({ status: 'idle' });
    onSessionChange(null);
  }

  return { state, signIn: start, reset };
}
