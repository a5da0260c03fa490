import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';

/** The injection token under which the application provides the ES256 public key (PEM). */
export const JWT_VERIFICATION_KEY = 'JWT_VERIFICATION_KEY';

/** What a route reads as req.user. */
export interface AuthenticatedUser {
  id: string;
  role: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(JWT_VERIFICATION_KEY) publicKeyPem: string) {
    // Not written yet: see exercises/05-passport-jwt-strategy/README.md.
    super({ jwtFromRequest: () => null, secretOrKey: publicKeyPem });
  }

  validate(payload: Record<string, unknown>): AuthenticatedUser {
    return { id: String(payload.sub), role: String(payload.role) };
  }
}
