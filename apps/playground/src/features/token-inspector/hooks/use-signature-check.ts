import { useEffect, useState } from 'react';
import { verifyJws, type VerificationKey, type VerifyResult } from '../../../lib/jws';

export type SignatureCheckState = { status: 'idle' } | { status: 'checking' } | VerifyResult;

/**
 * Verifies `token` with `key` whenever either changes. A result is shown only for the exact
 * inputs it was computed from, so typing in the secret can never leave a stale "verified" up.
 */
export function useSignatureCheck(token: string, key: VerificationKey | null): SignatureCheckState {
  const inputKey = key ? JSON.stringify([token, key]) : null;
  const [settled, setSettled] = useState<{ input: string; result: VerifyResult } | null>(null);

  useEffect(() => {
    if (inputKey === null || key === null) return;
    let current = true;
    void verifyJws(token, key).then((result) => {
      if (current) setSettled({ input: inputKey, result });
    });
    return () => {
      current = false;
    };
    // inputKey holds token and key by value: a new object with the same content is no change.
  }, [inputKey]);

  if (inputKey === null) return { status: 'idle' };
  if (settled?.input !== inputKey) return { status: 'checking' };
  return settled.result;
}
