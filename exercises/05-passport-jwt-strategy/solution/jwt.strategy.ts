import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@authlab/shared';

export const JWT_VERIFICATION_KEY = 'JWT_VERIFICATION_KEY';

export interface AuthenticatedUser {
  id: string;
  role: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(JWT_VERIFICATION_KEY) publicKeyPem: string) {
    super({
      // RFC 6750 §2.1 only: no query string, no body, no cookie.
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: publicKeyPem,
      // RFC 8725 §3.1 and §3.8: the server picks the algorithm, the issuer and the audience.
      algorithms: ['ES256'],
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(payload: Record<string, unknown>): AuthenticatedUser {
    // jsonwebtoken treats a token without exp as never expiring; RFC 9068 §2.2 requires exp and sub.
    if (typeof payload.exp !== 'number') throw new UnauthorizedException('The token has no exp.');
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new UnauthorizedException('The token names no subject.');
    }
    return { id: payload.sub, role: typeof payload.role === 'string' ? payload.role : '' };
  }
}
