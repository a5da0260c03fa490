import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { ACCESS_TOKEN_TYPE, type UserView } from '@authlab/shared';
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
  ) {}

  issue(user: UserView): IssuedAccessToken {
    const { issuer, audience, accessTokenTtlSeconds } = this.config.jwt;
    const jti = randomUUID();
    const accessToken = jwt.sign({ username: user.username, role: user.role }, this.keys.signingKey, {
      algorithm: this.keys.algorithm,
      header: { alg: this.keys.algorithm, typ: ACCESS_TOKEN_TYPE, kid: this.keys.kid },
      subject: String(user.id),
      issuer,
      audience,
      expiresIn: accessTokenTtlSeconds,
      jwtid: jti,
    });
    return { accessToken, expiresIn: accessTokenTtlSeconds, jti };
  }
}
