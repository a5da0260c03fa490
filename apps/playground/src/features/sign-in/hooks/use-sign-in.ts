import { useEffect, useRef, useState } from 'react';
import type { SignInRequest, TokenResponse } from '@authlab/shared';
import { signIn } from '../api/sign-in';

export type SignInState =
  | { status: 'idle' }
  | { status: 'pending'; username: string }
  | { status: 'success'; username: string; response: TokenResponse }
  | { status: 'error'; username: string; error: Error };

/**
 * Signs in on demand. A newer attempt cancels an older one, so a slow answer for the first
 * button pressed can never overwrite the session of the last one.
 */
export function useSignIn(onSessionChange: (session: TokenResponse | null) => void) {
  const [state, setState] = useState<SignInState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  async function start(credentials: SignInRequest): Promise<void> {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setState({ status: 'pending', username: credentials.username });
    onSessionChange(null);
    try {
      const response = await signIn(credentials, controller.signal);
      if (controller.signal.aborted) return;
      setState({ status: 'success', username: credentials.username, response });
      onSessionChange(response);
    } catch (error) {
      if (controller.signal.aborted) return;
      const reason = error instanceof Error ? error : new Error(String(error));
      setState({ status: 'error', username: credentials.username, error: reason });
    }
  }

  return { state, signIn: start };
}
