import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import { isRole, permissionsOf } from '@authlab/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { bearerTokenFromRequest } from './bearer-token.js';
import { checkJoseHeader } from './tokens/jose-header.js';
import { SIGNING_KEYS, type SigningKeys } from './tokens/signing-keys.js';
import { TokenRejection } from './tokens/token-rejection.js';

/** The name passport knows this strategy by; only JwtAuthGuard uses it. */
export const JWT_STRATEGY = 'jwt';

const POSITIVE_INTEGER = /^[1-9][0-9]{0,9}$/;

/**
 * Verifies access tokens with passport-jwt. Everything that decides acceptance is pinned here,
 * at the top level: the one algorithm, the issuer, the audience and the key. The token's header
 * is checked first and may not pick its own key.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(SIGNING_KEYS) keys: SigningKeys) {
    super({
      jwtFromRequest: bearerTokenFromRequest,
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
  }

  /** The signature and registered claims are verified; now the claims authlab relies on. */
  validate(payload: Record<string, unknown>): AuthenticatedUser {
    const { sub, username, role, jti, exp } = payload;
    // jsonwebtoken accepts a token without `exp` as never expiring; authlab does not.
    if (typeof exp !== 'number') throw new TokenRejection('bad_claims', 'the token has no exp claim');
    if (typeof sub !== 'string' || !POSITIVE_INTEGER.test(sub)) {
      throw new TokenRejection('bad_claims', 'sub is not a user id');
    }
    if (typeof username !== 'string' || typeof jti !== 'string') {
      throw new TokenRejection('bad_claims', 'username or jti is missing');
    }
    if (!isRole(role)) throw new TokenRejection('bad_claims', `role ${JSON.stringify(role)} is not a known role`);
    return { id: Number(sub), username, role, permissions: permissionsOf(role), tokenId: jti, expiresAt: exp };
  }
}
