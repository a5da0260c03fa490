import {
  ACCESS_TOKEN_TYPE,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  FORBIDDEN_JOSE_HEADER_FIELDS,
} from '@authlab/shared';
import jwt from 'jsonwebtoken';

export interface VerificationKey {
  kid: string;
  publicKeyPem: string;
}

export interface AccessClaims {
  sub: string;
  iss: string;
  aud: string | string[];
  exp: number;
  iat: number;
  role?: string;
  [claim: string]: unknown;
}

const CLOCK_TOLERANCE_SECONDS = 30;
// RFC 9068 §4: "at+jwt", or the same media type with its "application/" prefix (RFC 7515 §4.1.9).
const ACCESS_TOKEN_TYPES = [ACCESS_TOKEN_TYPE, `application/${ACCESS_TOKEN_TYPE}`];

export function verifyAccessToken(token: string, key: VerificationKey): AccessClaims {
  // jsonwebtoken checks the signature with the algorithm we pin (never the header's), iss, aud,
  // exp and nbf; complete: true hands us the header for the checks it does not make.
  const { header, payload } = jwt.verify(token, key.publicKeyPem, {
    algorithms: ['ES256'],
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    complete: true,
  });
  if (header.kid !== key.kid) throw new Error('unknown kid');
  if (!ACCESS_TOKEN_TYPES.includes(header.typ?.toLowerCase() ?? ''))
    throw new Error('typ is not at+jwt');
  // RFC 8725 §3.10 and RFC 7515 §4.1.11: keys come from configuration, and no extension is understood.
  const forbidden = FORBIDDEN_JOSE_HEADER_FIELDS.filter((field) => Object.hasOwn(header, field));
  if (forbidden.length > 0) throw new Error(`header field ${forbidden.join(', ')} refused`);
  // RFC 7519 §7.2: the claims set is a JSON object (jsonwebtoken returns a string payload as is).
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new Error('the claims are not a JSON object');
  }
  const now = Math.floor(Date.now() / 1000);
  // RFC 9068 §2.2: exp, iat and sub are required; a token from the future is refused.
  if (typeof payload.exp !== 'number') throw new Error('exp is required');
  if (typeof payload.iat !== 'number' || payload.iat > now + CLOCK_TOLERANCE_SECONDS) {
    throw new Error('iat is missing or in the future');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('sub is required');
  return payload as AccessClaims;
}
