import type { AppConfig } from '../../config/app-config.js';
import { TokenRejection } from './token-rejection.js';

/**
 * How far a token's `iat` may lie ahead of the API's clock. The API verifies only tokens it
 * issued, so a later `iat` means another clock: a second instance (NTP keeps hosts within
 * milliseconds; 30 s still absorbs one that drifted or resumed from suspend), or a forgery with
 * the real key. Small on purpose: with the lifetime check, a token outlives its lifetime by at
 * most this much (RFC 8725 §3.10 asks for such bounds; RFC 9068 §4 for refusing the rest).
 */
export const IAT_SKEW_SECONDS = 30;

export const NO_EXP_CLAIM = 'the token has no exp claim';

/** The longest a token may live, from `iat` to `exp`: what the API gives each kind. */
export interface TokenLifetimes {
  user: number;
  client: number;
}

export function tokenLifetimes(config: AppConfig): TokenLifetimes {
  return { user: config.jwt.accessTokenTtlSeconds, client: config.jwt.clientTokenTtlSeconds };
}

/** A token's validity period, once it has passed every time check. */
export interface TokenTimes {
  issuedAt: number;
  expiresAt: number;
}

/**
 * The time claims of a verified token, judged on the API's clock — the simulated one in demo
 * and lab mode, which jsonwebtoken (on the system clock) knows nothing of — for users' and
 * machine clients' tokens alike: `exp` still ahead, `iat` not later than now plus the skew, and
 * `exp − iat` no longer than the lifetime the API gives such tokens.
 */
export function checkTokenTimes(
  payload: Record<string, unknown>,
  clock: { nowSeconds: number; offsetSeconds: number },
  lifetimeSeconds: number,
): TokenTimes {
  const { iat, exp } = payload;
  // jsonwebtoken accepts a token without `exp` as never expiring; authlab does not.
  if (typeof exp !== 'number') throw new TokenRejection('bad_claims', NO_EXP_CLAIM);
  const now = clock.nowSeconds;
  if (exp <= now) {
    throw new TokenRejection(
      'expired',
      `expired ${now - exp} s ago (on the API's clock, moved ${clock.offsetSeconds} s ahead)`,
      true,
    );
  }
  if (typeof iat !== 'number') throw new TokenRejection('bad_iat', 'has no iat claim', true);
  if (iat > now + IAT_SKEW_SECONDS) {
    throw new TokenRejection(
      'bad_iat',
      `was issued ${iat - now} s in the future (on the API's clock, moved ${clock.offsetSeconds} s ahead)`,
      true,
    );
  }
  if (exp - iat > lifetimeSeconds) {
    throw new TokenRejection(
      'too_long_lived',
      `lives ${exp - iat} s from iat to exp, longer than the ${lifetimeSeconds} s the API gives such tokens`,
      true,
    );
  }
  return { issuedAt: iat, expiresAt: exp };
}
