import type { Trace } from './trace.js';

/**
 * Why a request failed, as a short label with no personal data, so a class's failures can be
 * grouped on the presenter's screen ("9 requests: audience mismatch").
 */
export function failureCategory(trace: Trace): string | undefined {
  if (trace.status < 400) return undefined;
  const decider = trace.decidedBy?.step;
  const event = trace.events.find(
    (candidate) => candidate.step === decider && candidate.outcome !== 'pass',
  );
  // Only checks that ran and failed: one that never ran (ok: null) says nothing about the token.
  const failed = new Set(
    (event?.checks ?? []).filter((check) => check.ok === false).map((check) => check.name),
  );

  if (decider === 'JwtAuthGuard') {
    if (trace.status === 400) return 'malformed Authorization header';
    if (!event?.checks) return 'no token sent';
    // The trace stops at the first failing check; most specific first all the same.
    if (failed.has('format')) return 'not a JWT';
    if (failed.has('key fields')) return 'token tried to choose its key (jku/jwk/x5u)';
    if (failed.has('alg')) return 'wrong algorithm (alg none or confusion)';
    if (failed.has('kid')) return 'unknown key id (kid)';
    if (failed.has('typ')) return 'not an access token (typ)';
    if (failed.has('exp')) return 'expired token';
    if (failed.has('aud')) return 'audience mismatch';
    if (failed.has('iss')) return 'issuer mismatch';
    if (failed.has('iat')) return 'issued in the future (iat)';
    if (failed.has('lifetime')) return 'lives longer than allowed (exp − iat)';
    if (failed.has('signature')) return 'bad signature (tampered or wrong key)';
    return 'token refused';
  }
  if (decider === 'RolesGuard') return 'missing role or permission';
  if (decider?.startsWith('ZodValidationPipe')) return 'invalid input';
  if (decider === 'jsonBodyParser') return 'broken JSON body';
  if (decider === 'requireJsonBody') return 'body is not JSON';
  if (decider) return `refused by ${decider}`;
  if (trace.status === 404) return 'not found';
  if (trace.status === 401) return 'wrong username or password';
  if (trace.status === 429) return 'too many attempts';
  return trace.status >= 500 ? 'server error' : `${trace.status} answer`;
}
