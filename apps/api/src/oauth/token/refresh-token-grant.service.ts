import { Injectable } from '@nestjs/common';
import { isPermission } from '@authlab/shared';
import { SessionsService } from '../../auth/sessions/sessions.service.js';
import { AccessTokenService } from '../../auth/tokens/access-token.service.js';
import { ApiException } from '../../common/errors/api-exception.js';
import { UsersRepository } from '../../users/users.repository.js';
import { withinRole } from '../codes/authorization-codes.service.js';
import type { DelegatedTokens } from './delegated-tokens.js';
import { OAuthError } from './oauth-error.js';
import { grantedScope } from './token-request.js';

/**
 * RFC 6749 §6 for applications: the refresh token is rotated exactly as a user's own session's
 * (one use each; a second use ends the family — RFC 9700 §4.14.2), and it works only for the
 * application it was issued to.
 */
@Injectable()
export class RefreshTokenGrantService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokenService,
  ) {}

  async refresh(
    clientId: string,
    refreshToken: string | undefined,
    requestedScope: string | undefined,
  ): Promise<DelegatedTokens> {
    if (refreshToken === undefined)
      throw new OAuthError(400, 'invalid_request', 'The refresh_token parameter is missing.');
    let rotated;
    try {
      rotated = await this.sessions.rotate(refreshToken, undefined, clientId);
    } catch (error) {
      // The sessions service speaks the API's error shape; the token endpoint speaks RFC 6749 §5.2.
      if (error instanceof ApiException && error.code === 'invalid_grant')
        throw new OAuthError(400, 'invalid_grant', error.message);
      throw error;
    }
    const user = await this.users.findById(rotated.userId);
    const held = withinRole((rotated.scope ?? '').split(' ').filter(isPermission), user?.role);
    if (!user || held.length === 0)
      throw new OAuthError(
        400,
        'invalid_grant',
        'The account no longer holds any of the permissions that were granted.',
      );
    // RFC 6749 §6: a refresh may ask for less than was granted, never more.
    const scope = grantedScope(requestedScope, held);
    const access = this.tokens.issue(user, rotated.sessionId, { clientId, scope });
    return { user, access, session: rotated, scope };
  }
}
