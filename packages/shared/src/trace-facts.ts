/**
 * The names of the facts a trace records about a token or a refresh, in an event's `detail`.
 * The API writes them and the lesson checks read them, so a step can ask for what a concept is
 * ("the same token, refused here and accepted there") instead of for a status code.
 */

/**
 * A token is named in a trace by its fingerprint: the first 16 hex digits of the SHA-256 of the
 * whole token text. Enough to tell two tokens apart, useless for rebuilding one; the token itself
 * and its signature never enter a trace.
 */
export const TOKEN_FINGERPRINT_HEX_DIGITS = 16;

export const TRACE_FACTS = {
  /** The fingerprint of the token the step looked at. */
  tokenFingerprint: 'tokenFingerprint',
  /** Whether the server issued this exact token (lab verdicts: the lab's issuers remember theirs). */
  tokenIssued: 'tokenIssued',
  /** Which lab verifier decided: "weak" or "secure". */
  labVerifier: 'labVerifier',
  /** The lab verifier's verdict: "accepted" or "refused". */
  labVerdict: 'labVerdict',
  /** "real" or "simulated": whether the API's clock had been moved when the step read it. */
  apiClock: 'apiClock',
  /** What a refresh request did with its refresh token: one of REFRESH_OUTCOMES. */
  refreshOutcome: 'refreshOutcome',
  /** true when this request ended the token's whole session family. */
  familyRevoked: 'familyRevoked',
  /** Whether the presented refresh token had been used before (false: the newest of its family). */
  refreshTokenUsedBefore: 'refreshTokenUsedBefore',
  /** Why the session family of a refused refresh token had already ended: one of SESSION_END_CAUSES. */
  sessionEndedBy: 'sessionEndedBy',
  /** The session family a refresh token belongs to, by fingerprint (never the session id itself). */
  sessionFamily: 'sessionFamily',
  /** The scope a newly registered machine client may ask for, space-separated ("read"). */
  clientScope: 'clientScope',
} as const;

/** The token header fields and claims a verifier or guard records as it saw them. */
export const TRACED_TOKEN_HEADER_FIELDS = ['alg', 'typ', 'kid', 'jku'] as const;
export const TRACED_TOKEN_CLAIMS = ['sub', 'role', 'aud', 'iss', 'client_id'] as const;

/** `header.alg`, `claim.role`: where a token's header field or claim is recorded in a detail. */
export const tokenHeaderFact = (field: string) => `header.${field}`;
export const tokenClaimFact = (claim: string) => `claim.${claim}`;

export const REFRESH_OUTCOMES = [
  /** The token was used up and a successor issued. */
  'rotated',
  /** The token had been used before: a replay. Its whole family is revoked. */
  'replayed',
  /** The token's family had already ended (a replay, a sign-out, a password change…). */
  'session-ended',
  /** The family reached its absolute lifetime. */
  'session-expired',
  /** No such refresh token (or not shaped like one). */
  'unknown',
] as const;
export type RefreshOutcome = (typeof REFRESH_OUTCOMES)[number];

export const SESSION_END_CAUSES = ['replay', 'sign-out', 'other'] as const;
export type SessionEndCause = (typeof SESSION_END_CAUSES)[number];

type FactValue = string | number | boolean;

const traceable = (value: unknown): value is FactValue =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * The header fields and claims of a token as facts for a trace: only the few that lessons ask
 * about, only when they are plain values, each cut to 120 characters (a `kid` is attacker-chosen).
 */
export function tokenFacts(
  header: Record<string, unknown> | null | undefined,
  claims: Record<string, unknown> | null | undefined,
): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  const add = (name: string, value: unknown) => {
    if (traceable(value)) facts[name] = typeof value === 'string' ? value.slice(0, 120) : value;
  };
  for (const field of TRACED_TOKEN_HEADER_FIELDS)
    if (header && Object.hasOwn(header, field)) add(tokenHeaderFact(field), header[field]);
  for (const claim of TRACED_TOKEN_CLAIMS)
    if (claims && Object.hasOwn(claims, claim)) add(tokenClaimFact(claim), claims[claim]);
  return facts;
}
