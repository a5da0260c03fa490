import { describe, expect, it } from 'vitest';
import { verifierMatchesChallenge } from './pkce.js';

describe('verifierMatchesChallenge (RFC 7636 S256)', () => {
  // The example of RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('accepts the verifier of RFC 7636 Appendix B', () => {
    expect(verifierMatchesChallenge(verifier, challenge)).toBe(true);
  });

  it('refuses another verifier, the challenge itself (plain), and a too-short verifier', () => {
    expect(verifierMatchesChallenge(`${verifier.slice(0, -1)}Y`, challenge)).toBe(false);
    expect(verifierMatchesChallenge(challenge, challenge)).toBe(false);
    expect(verifierMatchesChallenge('short', challenge)).toBe(false);
  });
});
