import { ACCESS_TOKEN_TYPE, FORBIDDEN_JOSE_HEADER_FIELDS } from '@authlab/shared';
import type { JsonObject } from '../../../lib/decode-jwt';

export type WarningLevel = 'danger' | 'caution';

export interface TokenWarning {
  id: string;
  level: WarningLevel;
  text: string;
}

/** Payload keys that usually hold personal data (OpenID Connect standard claims and the obvious). */
const PERSONAL_KEYS = [
  'email',
  'name',
  'given_name',
  'family_name',
  'phone_number',
  'phone',
  'address',
  'birthdate',
  'password',
  'ssn',
  'iban',
];
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

const ONE_HOUR = 3600;

/** What a careful reviewer would point out about a token, most serious first. */
export function tokenWarnings(
  header: JsonObject | undefined,
  payload: JsonObject | undefined,
  nowSeconds: number,
): TokenWarning[] {
  const warnings: TokenWarning[] = [];
  if (header) {
    if (typeof header.alg === 'string' && header.alg.toLowerCase() === 'none') {
      warnings.push({
        id: 'alg-none',
        level: 'danger',
        text: 'alg is "none": the token is unsigned and anyone could have written it. A server must refuse it.',
      });
    }
    for (const field of FORBIDDEN_JOSE_HEADER_FIELDS) {
      if (Object.hasOwn(header, field)) {
        warnings.push({
          id: `header-${field}`,
          level: 'danger',
          text: `The header carries "${field}": the token tries to choose its own verification key. The authlab API refuses it before any signature work.`,
        });
      }
    }
    if (header.typ !== undefined && header.typ !== ACCESS_TOKEN_TYPE) {
      warnings.push({
        id: 'typ',
        level: 'caution',
        text: `typ is ${JSON.stringify(header.typ)}, not "${ACCESS_TOKEN_TYPE}": the authlab API only accepts access tokens.`,
      });
    }
  }
  if (payload) {
    const exp = payload.exp;
    const iat = payload.iat;
    if (exp === undefined) {
      warnings.push({
        id: 'no-exp',
        level: 'danger',
        text: 'No exp claim: the token never expires, so a stolen copy works forever.',
      });
    } else if (typeof exp !== 'number') {
      warnings.push({
        id: 'exp-type',
        level: 'danger',
        text: 'exp is not a number of seconds: servers will refuse or misread it.',
      });
    } else {
      const start = typeof iat === 'number' ? iat : nowSeconds;
      const lifetime = exp - start;
      if (lifetime > ONE_HOUR) {
        const hours = Math.round((lifetime / ONE_HOUR) * 10) / 10;
        warnings.push({
          id: 'long-lifetime',
          level: 'caution',
          text: `Lifetime of ${hours} h: over an hour. A bearer token works for whoever holds it; keep access tokens short (authlab uses 15 min).`,
        });
      }
    }
    if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds) {
      warnings.push({
        id: 'nbf',
        level: 'caution',
        text: 'nbf is in the future: the token is not valid yet.',
      });
    }
    if (typeof iat === 'number' && iat > nowSeconds + 60) {
      warnings.push({
        id: 'iat-future',
        level: 'caution',
        text: 'iat is in the future: the issuer’s clock is wrong, or the token was forged.',
      });
    }
    const personal = Object.entries(payload)
      .filter(
        ([key, value]) =>
          PERSONAL_KEYS.includes(key.toLowerCase()) ||
          (typeof value === 'string' && EMAIL.test(value)),
      )
      .map(([key]) => key);
    if (personal.length > 0) {
      warnings.push({
        id: 'personal-data',
        level: 'caution',
        text: `Personal data in the payload (${personal.join(', ')}): anyone holding the token can read it, since a JWT is signed, not encrypted.`,
      });
    }
  }
  return warnings;
}
