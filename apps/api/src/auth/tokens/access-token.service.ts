import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { ACCESS_TOKEN_TYPE, type Permission, type UserView } from '@authlab/shared';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SIGNING_KEYS, type SigningKeys } from './signing-keys.js';

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
  jti: string;
}

/** Issues access tokens. Verifying them is the JwtStrategy's job. */
@Injectable()
export class AccessTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A user's token, tied to the session it was issued in and to the user's current token version.
   * Issued to an application acting for the user, it names the application (`azp`, the
   * authorized party) and carries only the granted `scope` (RFC 9068 §2.2.3).
   */
  issue(
    user: UserView & { tokenVersion: number },
    sessionId: string,
    delegation?: { clientId: string; scope: readonly Permission[] },
  ): IssuedAccessToken {
    const claims = {
      username: user.username,
      role: user.role,
      sid: sessionId,
      ver: user.tokenVersion,
      ...(delegation && { azp: delegation.clientId, scope: delegation.scope.join(' ') }),
    };
    return this.sign(claims, String(user.id), this.config.jwt.accessTokenTtlSeconds);
  }

  /** A machine client's token (client credentials): the client is the subject, its scope the only grant. */
  issueForClient(client: {
    id: string;
    scope: readonly Permission[];
    tokenVersion: number;
  }): IssuedAccessToken {
    const claims = {
      client_id: client.id,
      scope: client.scope.join(' '),
      ver: client.tokenVersion,
    };
    return this.sign(claims, client.id, this.config.jwt.clientTokenTtlSeconds);
  }

  private sign(
    claims: Record<string, unknown>,
    subject: string,
    ttlSeconds: number,
  ): IssuedAccessToken {
    const { issuer, audience } = this.config.jwt;
    const jti = randomUUID();
    // iat from the API's clock (which demo mode may move forward); jsonwebtoken derives exp from it.
    const accessToken = jwt.sign(
      { ...claims, iat: this.clock.nowSeconds() },
      this.keys.signingKey,
      {
        algorithm: this.keys.algorithm,
        header: { alg: this.keys.algorithm, typ: ACCESS_TOKEN_TYPE, kid: this.keys.kid },
        subject,
        issuer,
        audience,
        expiresIn: ttlSeconds,
        jwtid: jti,
      },
    );
    return { accessToken, expiresIn: ttlSeconds, jti };
  }
}
