import { useEffect, useRef, useState } from 'react';
import { verifiedSignatureStore } from '../../../lib/signature-verification';
import {
  crackHmacSecret,
  type CrackableAlgorithm,
  type CrackOutcome,
  type CrackProgress,
} from '../cracking/crack-hmac-secret';

export type CrackerState =
  | { status: 'idle' }
  | ({ status: 'running' } & CrackProgress)
  | CrackOutcome
  | { status: 'failed'; text: string };

/** Runs the wordlist cracker on one token; a new token, or leaving the view, stops it. */
export function useSecretCracker(token: string, alg: CrackableAlgorithm) {
  const [state, setState] = useState<CrackerState>({ status: 'idle' });
  const [stateFor, setStateFor] = useState(token);
  const running = useRef<AbortController | null>(null);

  if (stateFor !== token) {
    setStateFor(token);
    setState({ status: 'idle' });
  }
  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null;
    },
    [token],
  );

  function start(words: readonly string[]) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'running', tried: 0, total: words.length, elapsedMs: 0 });
    crackHmacSecret(token, alg, words, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) setState({ status: 'running', ...progress });
      },
    }).then(
      (outcome) => {
        if (running.current !== controller) return;
        running.current = null;
        // A found secret is a verified signature, exactly as the signature check would say.
        if (outcome.status === 'found') verifiedSignatureStore.set({ token, keyKind: 'secret' });
        setState(outcome);
      },
      (error: unknown) => {
        if (running.current !== controller) return;
        running.current = null;
        setState({
          status: 'failed',
          text: error instanceof Error ? error.message : String(error),
        });
      },
    );
  }

  function stop() {
    running.current?.abort();
  }

  return { state, start, stop };
}
