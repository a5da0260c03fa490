import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type JsonWebKeySet, jsonWebKeySetSchema } from '@authlab/shared';
import { Public } from '../decorators/public.decorator.js';
import { SIGNING_KEYS, type SigningKeys } from './signing-keys.js';
import { ApiAnswer } from '../../openapi/api-answer.decorator.js';

/** Publishes the public verification key (RFC 7517). Empty with HS256: a shared secret is never published. */
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(SIGNING_KEYS) private readonly keys: SigningKeys) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The JSON Web Key Set that verifies access tokens (ES256)' })
  @ApiAnswer(
    200,
    jsonWebKeySetSchema,
    'The public keys (RFC 7517); empty while the API signs with HS256',
  )
  jwks(): JsonWebKeySet {
    return this.keys.jwks;
  }
}
