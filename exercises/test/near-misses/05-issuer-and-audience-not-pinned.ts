import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

// Near miss: algorithm and extractor pinned, exp and sub required, but any issuer and audience accepted.
export const JWT_VERIFICATION_KEY = 'JWT_VERIFICATION_KEY';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(JWT_VERIFICATION_KEY) publicKeyPem: string) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: publicKeyPem,
      algorithms: ['ES256'],
    });
  }

  validate(payload: Record<string, unknown>) {
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string')
      throw new UnauthorizedException();
    return { id: payload.sub, role: payload.role };
  }
}
