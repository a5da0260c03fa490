import { Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { SESSION_END_REASONS, SessionsService } from '../../auth/sessions/sessions.service.js';
import { Public } from '../../auth/decorators/public.decorator.js';
import { SIGNING_KEYS, type SigningKeys } from '../../auth/tokens/signing-keys.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { OAuthClientAuthentication } from '../token/oauth-client-authentication.js';
import { OAuthError } from '../token/oauth-error.js';
import { OAuthErrorFilter } from '../token/oauth-error.filter.js';
import { readForm } from '../token/token-request.js';

/**
 * RFC 7009 token revocation, for applications acting for users: a refresh token ends its
 * session; an access token ends the session it was issued in (§2.1 allows revoking related
 * tokens), so both stop working at once. The answer is 200 whether or not the token was known
 * or the client's own (§2.2): the endpoint must not become an oracle for valid tokens.
 */
@ApiTags('oauth')
@Controller('oauth')
@UseFilters(OAuthErrorFilter)
export class TokenRevocationController {
  constructor(
    private readonly applications: OAuthClientAuthentication,
    private readonly sessions: SessionsService,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('revoke')
  @HttpCode(200)
  @ApiBasicAuth()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['token'],
      properties: {
        token: { type: 'string' },
        token_type_hint: { type: 'string', enum: ['refresh_token', 'access_token'] },
        client_id: { type: 'string', description: 'Public clients only' },
      },
    },
  })
  @ApiOperation({ summary: 'Revoke an application’s refresh or access token (RFC 7009)' })
  async revoke(@Req() request: Request): Promise<void> {
    const read = readForm(request.is('application/x-www-form-urlencoded') !== false, request.body);
    const client = await this.applications.authenticate(request, read);
    const token = read('token');
    if (token === undefined)
      throw new OAuthError(400, 'invalid_request', 'The token parameter is missing.');
    // The hint only orders the lookups (§2.1); a JWT has dots, a refresh token never does.
    if (!token.includes('.')) return this.sessions.endByRefreshToken(token, client.clientId);
    const sessionId = this.sessionOfAccessToken(token, client.clientId);
    if (sessionId !== undefined) await this.sessions.end(sessionId, SESSION_END_REASONS.signOut);
  }

  /** The session of a genuine access token issued to this client, else undefined. */
  private sessionOfAccessToken(token: string, clientId: string): string | undefined {
    try {
      const payload = jwt.verify(token, this.keys.verificationKey, {
        algorithms: [this.keys.algorithm],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
        // An expired token may still be revoked: its session is what is ended.
        ignoreExpiration: true,
      });
      if (typeof payload === 'string' || payload.azp !== clientId) return undefined;
      return typeof payload.sid === 'string' ? payload.sid : undefined;
    } catch {
      return undefined;
    }
  }
}
