import { useEffect, useRef, useState } from 'react';
import type { SignInRequest, TokenDelivery } from '@authlab/shared';
import { sessionStore, type PlaygroundSession } from '../../../lib/session-store';
import { sessionFromAnswer, signIn } from '../../../lib/sign-in';
import { signOut } from '../api/sign-out';
import { restoreFinished } from './use-restored-session';

export type SignInState =
  | { status: 'idle' }
  | { status: 'pending'; username: string }
  | { status: 'signing-out'; username: string }
  | { status: 'success'; username: string; session: PlaygroundSession }
  | { status: 'error'; username: string; error: Error };

/**
 * Signs in and out on demand. The previous session is ended on the server first, so its cookies
 * never ride along with the new one and its token stops working. A newer attempt cancels an older
 * one, so a slow answer for the first button pressed can never overwrite the session of the last.
 */
export function useSignIn(onSessionChange: (session: PlaygroundSession | null) => void) {
  const [state, setState] = useState<SignInState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);
  // Sign-outs run one after another, and a sign-in waits for them: a late "clear the cookies"
  // answer must never land after the next session's Set-Cookie.
  const ending = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => () => current.current?.abort(), []);

  function takeTurn(): AbortController {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    return controller;
  }

  function endPrevious(): Promise<void> {
    const previous = sessionStore.get();
    onSessionChange(null);
    if (previous) ending.current = ending.current.then(() => signOut(previous));
    return ending.current;
  }

  async function start(credentials: SignInRequest, delivery: TokenDelivery): Promise<void> {
    const controller = takeTurn();
    setState({ status: 'pending', username: credentials.username });
    try {
      // A session found on load must be known before it can be ended.
      await restoreFinished();
      await endPrevious();
      if (controller.signal.aborted) return;
      const { data, traceId } = await signIn(credentials, delivery, {
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      if (delivery === 'cookie' && 'accessToken' in data) {
        throw new Error(
          'The API answered with the token in the body: this version of the API has no cookie mode.',
        );
      }
      const session = sessionFromAnswer(data, delivery, { traceId, receivedAt: Date.now() });
      setState({ status: 'success', username: credentials.username, session });
      onSessionChange(session);
    } catch (error) {
      if (controller.signal.aborted) return;
      const reason = error instanceof Error ? error : new Error(String(error));
      setState({ status: 'error', username: credentials.username, error: reason });
    }
  }

  /** Signs out: the server ends the session (token refused, cookies cleared), then the page says so. */
  async function reset(): Promise<void> {
    const controller = takeTurn();
    const username = sessionStore.get()?.username;
    setState(username ? { status: 'signing-out', username } : { status: 'idle' });
    await endPrevious();
    if (!controller.signal.aborted) setState({ status: 'idle' });
  }

  return { state, signIn: start, reset };
}
