import { tokenFingerprint } from '../trace/token-fingerprint.js';

/** Enough for a class working for hours; the oldest are forgotten first. */
const REMEMBERED = 10_000;

/**
 * The fingerprints of the tokens the lab's issuers handed out, so a verdict can say whether a
 * token is one of them or a forgery: "the weak verifier accepted a token nobody issued" is the
 * lesson, and the legitimate token accepted by a weak verifier proves nothing.
 */
export class IssuedLabTokens {
  private readonly fingerprints = new Set<string>();

  remember(token: string): void {
    const fingerprint = tokenFingerprint(token);
    this.fingerprints.delete(fingerprint);
    this.fingerprints.add(fingerprint);
    if (this.fingerprints.size > REMEMBERED) {
      const oldest = this.fingerprints.values().next().value;
      if (oldest !== undefined) this.fingerprints.delete(oldest);
    }
  }

  issued(token: string): boolean {
    return this.fingerprints.has(tokenFingerprint(token));
  }
}
