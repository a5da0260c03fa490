import jwt from 'jsonwebtoken';

/** Why a token was refused; `detail` is for the server's log and the trace, never the client. */
export type TokenRejectionCode =
  | 'missing'
  | 'malformed'
  | 'forbidden_header'
  | 'wrong_type'
  | 'unknown_key'
  | 'bad_algorithm'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'bad_iat'
  | 'too_long_lived'
  | 'bad_claims';

export class TokenRejection extends Error {
  override name = 'TokenRejection';
  constructor(
    readonly code: TokenRejectionCode,
    readonly detail: string,
    /**
     * Raised after the signature, exp, aud and iss all passed (the strategy's own checks, such as
     * exp on the API's simulated clock): the trace then shows those as passed, not as "not checked".
     */
    readonly afterVerification = false,
  ) {
    super(detail);
  }
}

/**
 * Turns what passport-jwt reports (a jsonwebtoken error, its own "No auth token" Error or one of
 * ours) into a TokenRejection. jsonwebtoken's own texts name the expected issuer and audience,
 * which is configuration, so they stay on the server.
 */
export function toTokenRejection(info: unknown): TokenRejection {
  if (info instanceof TokenRejection) return info;
  if (info instanceof jwt.TokenExpiredError) {
    const ago = Math.max(0, Math.round((Date.now() - info.expiredAt.getTime()) / 1000));
    return new TokenRejection('expired', `expired ${ago} s ago`);
  }
  if (info instanceof jwt.NotBeforeError) {
    return new TokenRejection('not_yet_valid', `not valid before ${info.date.toISOString()}`);
  }
  if (info instanceof jwt.JsonWebTokenError) {
    const message = info.message;
    if (message === 'invalid signature')
      return new TokenRejection('bad_signature', 'the signature does not match');
    if (message === 'invalid algorithm' || message === 'jwt signature is required') {
      return new TokenRejection('bad_algorithm', 'the algorithm is not the one configured');
    }
    if (message.startsWith('jwt audience invalid'))
      return new TokenRejection('wrong_audience', message);
    if (message.startsWith('jwt issuer invalid'))
      return new TokenRejection('wrong_issuer', message);
    return new TokenRejection('malformed', message);
  }
  if (info instanceof Error && info.message === 'No auth token') {
    return new TokenRejection('missing', 'no access token was sent');
  }
  return new TokenRejection(
    'malformed',
    info instanceof Error ? info.message : 'the token was refused',
  );
}
