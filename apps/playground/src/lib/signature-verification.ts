import { createStore, useStore } from './create-store';

export type VerificationKeyKind = 'secret' | 'pem' | 'jwks';

/** A signature check that succeeded: for exactly this token, with this kind of key. */
export interface SignatureVerification {
  token: string;
  keyKind: VerificationKeyKind;
}

/** The token inspector's last successful signature check, read by the lesson runner ("verify it with your secret"). */
export const verifiedSignatureStore = createStore<SignatureVerification | null>(null);

/** The kind of key that verified `token`, if the last successful check was of this very token. */
export function verifiedWith(
  token: string | undefined,
  verification: SignatureVerification | null,
): VerificationKeyKind | undefined {
  return token !== undefined && verification?.token === token ? verification.keyKind : undefined;
}

export function useVerifiedSignature(): SignatureVerification | null {
  return useStore(verifiedSignatureStore);
}
