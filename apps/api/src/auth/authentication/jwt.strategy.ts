import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import { isPermission, isRole, OAUTH_CLIENT_ID_PATTERN, permissionsOf } from '@authlab/shared';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { accessTokenExtractor } from './access-token-source.js';
import type { Principal } from './authenticated-user.js';
import { sessionCookieNames } from '../sessions/cookies/session-cookies.js';
import { clientFromClaims, isTokenVersion } from './client-claims.js';
import { checkJoseHeader } from './jose-header.js';
import { checkTokenTimes, tokenLifetimes, type TokenLifetimes } from './token-times.js';
import { SIGNING_KEYS, type SigningKeys } from '../tokens/signing-keys.js';
import { TokenRejection } from './token-rejection.js';

/** The name passport knows this strategy by; only JwtAuthGuard uses it. */
export const JWT_STRATEGY = 'jwt';

const POSITIVE_INTEGER = /^[1-9][0-9]{0,9}$/;
const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

/** The application and scope of a token issued to an application acting for its user. */
function delegatedScope(azp: unknown, scope: unknown): { clientId: string; scope: string[] } {
  if (typeof azp !== 'string' || !OAUTH_CLIENT_ID_PATTERN.test(azp))
    throw new TokenRejection('bad_claims', 'azp is not an application id');
  const words = typeof scope === 'string' ? scope.split(' ') : [];
  if (words.length === 0 || !words.every(isPermission) || new Set(words).size !== words.length) {
    throw new TokenRejection(
      'bad_claims',
      `scope ${JSON.stringify(scope)} is not a list of known permissions`,
    );
  }
  return { clientId: azp, scope: words };
}

/**
 * Verifies access tokens with passport-jwt. Everything that decides acceptance is pinned here,
 * at the top level: the one algorithm, the issuer, the audience and the key. The token's header
 * is checked first and may not pick its own key.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  private readonly lifetimes: TokenLifetimes;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SIGNING_KEYS) keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super({
      // The Authorization header or the session cookie; JwtAuthGuard has refused a request with both.
      jwtFromRequest: accessTokenExtractor(sessionCookieNames(config).access),
      secretOrKeyProvider: (_request, rawToken: string, done) => {
        const rejection = checkJoseHeader(rawToken, keys.kid);
        // passport-jwt's types predate KeyObject, which jsonwebtoken 9 accepts and prefers.
        if (rejection) done(rejection);
        else done(null, keys.verificationKey as unknown as Buffer);
      },
      algorithms: [keys.algorithm],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
    this.lifetimes = tokenLifetimes(config);
  }

  /** The signature and registered claims are verified; now the claims authlab relies on. */
  validate(payload: Record<string, unknown>): Principal {
    // A client-credentials token names its client and follows its own rules, and its own lifetime.
    const isClient = Object.hasOwn(payload, 'client_id');
    const times = checkTokenTimes(
      payload,
      { nowSeconds: this.clock.nowSeconds(), offsetSeconds: this.clock.offsetSeconds },
      isClient ? this.lifetimes.client : this.lifetimes.user,
    );
    if (isClient) return clientFromClaims(payload, times);
    const { sub, username, role, jti, sid, ver, azp, scope } = payload;
    if (typeof sub !== 'string' || !POSITIVE_INTEGER.test(sub)) {
      throw new TokenRejection('bad_claims', 'sub is not a user id');
    }
    if (typeof username !== 'string' || typeof jti !== 'string') {
      throw new TokenRejection('bad_claims', 'username or jti is missing');
    }
    if (!isRole(role))
      throw new TokenRejection('bad_claims', `role ${JSON.stringify(role)} is not a known role`);
    if (typeof sid !== 'string' || !SESSION_ID.test(sid) || !isTokenVersion(ver)) {
      throw new TokenRejection('bad_claims', 'sid or ver is missing');
    }
    const delegation = Object.hasOwn(payload, 'azp') ? delegatedScope(azp, scope) : undefined;
    const held = permissionsOf(role);
    return {
      kind: 'user',
      id: Number(sub),
      username,
      role,
      permissions: delegation
        ? held.filter((permission) => delegation.scope.includes(permission))
        : held,
      ...(delegation && { delegatedTo: delegation.clientId }),
      tokenId: jti,
      issuedAt: times.issuedAt,
      expiresAt: times.expiresAt,
      sessionId: sid,
      tokenVersion: ver,
    };
  }
}
