import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isPermission, permissionsOf, type Permission } from '@authlab/shared';
import { SESSION_END_REASONS, SessionsService } from '../../auth/sessions/sessions.service.js';
import { AccessTokenService } from '../../auth/tokens/access-token.service.js';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { UsersRepository } from '../../users/users.repository.js';
import { OAuthError } from '../token/oauth-error.js';
import type { DelegatedTokens } from '../token/delegated-tokens.js';
import { AuthorizationCodesRepository } from './authorization-codes.repository.js';
import { verifierMatchesChallenge } from './pkce.js';

/** RFC 9700 §4.1.2 / RFC 6749 §4.1.2: short-lived; a minute is ample for a redirect and one request. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
const CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');
const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description);

/** What both the user's role and the grant hold: a grant never outgrows a role that was lowered. */
export function withinRole(scope: readonly Permission[], role: unknown): Permission[] {
  const held = permissionsOf(role);
  return scope.filter((permission) => held.includes(permission));
}

/**
 * Authorization codes: 256 random bits, stored as a hash, valid for a minute, used once, and
 * bound to the client, the redirect URI, the PKCE challenge, the user and the scope.
 */
@Injectable()
export class AuthorizationCodesService {
  constructor(
    private readonly codes: AuthorizationCodesRepository,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(binding: {
    clientId: string;
    userId: number;
    redirectUri: string;
    codeChallenge: string;
    scope: readonly Permission[];
  }): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    const now = this.clock.nowMs();
    await this.codes.insert(
      {
        codeHash: hashCode(code),
        clientId: binding.clientId,
        userId: binding.userId,
        redirectUri: binding.redirectUri,
        codeChallenge: binding.codeChallenge,
        scope: binding.scope.join(' '),
        expiresAt: new Date(now + AUTHORIZATION_CODE_TTL_SECONDS * 1000).toISOString(),
      },
      new Date(now).toISOString(),
    );
    return code;
  }

  /** RFC 6749 §4.1.3 with RFC 7636 §4.6: the code, once, for tokens. */
  async exchange(request: {
    clientId: string;
    code: string | undefined;
    redirectUri: string | undefined;
    codeVerifier: string | undefined;
  }): Promise<DelegatedTokens> {
    const { code, redirectUri, codeVerifier } = request;
    if (code === undefined)
      throw new OAuthError(400, 'invalid_request', 'The code parameter is missing.');
    if (redirectUri === undefined)
      throw new OAuthError(400, 'invalid_request', 'The redirect_uri parameter is missing.');
    if (codeVerifier === undefined)
      throw new OAuthError(
        400,
        'invalid_request',
        'The code_verifier parameter is missing: PKCE is required (RFC 7636 §4.5).',
      );
    const stored = CODE_PATTERN.test(code) ? await this.codes.find(hashCode(code)) : undefined;
    if (!stored) throw invalidGrant('The authorization code is not valid.');
    if (stored.usedAt !== null) return this.replayed(stored.familyId);
    if (stored.clientId !== request.clientId)
      throw invalidGrant('The authorization code was issued to another client.');
    if (stored.redirectUri !== redirectUri)
      throw invalidGrant('redirect_uri is not the one the authorization request used.');
    const now = this.clock.nowMs();
    if (Date.parse(stored.expiresAt) <= now)
      throw invalidGrant('The authorization code has expired.');
    if (!verifierMatchesChallenge(codeVerifier, stored.codeChallenge))
      throw invalidGrant('code_verifier does not match the code_challenge (RFC 7636 §4.6).');
    const user = await this.users.findById(stored.userId);
    const scope = withinRole(stored.scope.split(' ').filter(isPermission), user?.role);
    if (!user || scope.length === 0)
      throw invalidGrant('The account no longer holds any of the permissions that were granted.');
    const started = await this.sessions.start(
      user.id,
      async (trx, sessionId) =>
        (await this.codes.markUsed(trx, stored.codeHash, sessionId, new Date(now).toISOString()))
          ? user
          : undefined,
      { clientId: request.clientId, scope },
    );
    // Another exchange of the same code won the race a moment ago: the same as a replay.
    if (!started) return this.replayed((await this.codes.find(stored.codeHash))?.familyId ?? null);
    const access = this.tokens.issue(user, started.session.sessionId, {
      clientId: request.clientId,
      scope,
    });
    return { user, access, session: started.session, scope };
  }

  /** RFC 6749 §4.1.2: a code used twice revokes the tokens issued from it (RFC 9700 §4.5.3 too). */
  private async replayed(familyId: string | null): Promise<never> {
    if (familyId !== null) await this.sessions.end(familyId, SESSION_END_REASONS.codeReplay);
    throw invalidGrant(
      'The authorization code was already used, so it may have been stolen: the tokens issued for it are revoked.',
    );
  }
}
