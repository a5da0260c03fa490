import { Injectable } from '@nestjs/common';
import { DEFAULT_ROLE, type Credentials } from '@authlab/shared';
import { ApiException } from '../common/errors/api-exception.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { UsersRepository, type VersionedUser } from '../users/users.repository.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { authenticationRequired, invalidToken } from './bearer-challenge.js';
import { PasswordHasher } from './passwords/password-hasher.service.js';
import { RevocationService } from './revocation/revocation.service.js';
import { SessionsService, type OpenSession } from './sessions/sessions.service.js';
import { SignInThrottle } from './throttling/sign-in-throttle.service.js';
import { AccessTokenService, type IssuedAccessToken } from './tokens/access-token.service.js';

/** One answer for a wrong username and a wrong password, so neither reveals which accounts exist. */
const BAD_CREDENTIALS = 'The username or password is incorrect.';

/** A signed-in user with a fresh access token and the session it belongs to. */
export interface SignedIn {
  user: VersionedUser;
  access: IssuedAccessToken;
  session: OpenSession;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
    private readonly throttle: SignInThrottle,
  ) {}

  async signUp({ username, password }: Credentials): Promise<SignedIn> {
    const passwordHash = await this.passwords.hash(password);
    let user: VersionedUser;
    try {
      user = await this.users.insert({ username, passwordHash, role: DEFAULT_ROLE });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiException(409, 'That username is taken.');
      throw error;
    }
    return this.startSession(user);
  }

  /** `clientIp` is counted by the sign-in throttle together with the username. */
  async signIn({ username, password }: Credentials, clientIp: string): Promise<SignedIn> {
    const attempt = await this.throttle.attempt(username, clientIp);
    const user = await this.users.findByUsername(username);
    // The same argon2 work runs whether or not the account exists.
    const valid = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyAgainstNothing(password);
    if (!user || !valid) throw authenticationRequired(BAD_CREDENTIALS);
    await attempt.succeeded();
    return this.startSession(user);
  }

  /** Swaps a refresh token for a new access token and a new refresh token, with the user's current role. */
  async refresh(refreshToken: string, beforeUse?: (sessionId: string) => void): Promise<SignedIn> {
    const rotated = await this.sessions.rotate(refreshToken, beforeUse);
    const user = await this.users.findById(rotated.userId);
    if (!user)
      throw new ApiException(
        400,
        'The account of this session no longer exists.',
        {},
        undefined,
        'invalid_grant',
      );
    return { user, access: this.tokens.issue(user, rotated.sessionId), session: rotated };
  }

  /** Ends the caller's session, and refuses this very access token until it expires. */
  async signOut(caller: AuthenticatedUser): Promise<void> {
    await this.sessions.end(caller.sessionId, 'signed out');
    await this.revocation.denyToken(caller.tokenId, caller.expiresAt);
  }

  /** Ends every session of the caller and retires every access token issued to them so far. */
  async signOutEverywhere(caller: AuthenticatedUser): Promise<void> {
    const version = await this.users.raiseTokenVersion(caller.id);
    if (version === undefined)
      throw invalidToken('The access token names an account that no longer exists');
    await this.revocation.raiseVersion(`user:${caller.id}`, version);
    await this.sessions.endAll(caller.id, 'signed out everywhere');
  }

  /** A new password ends every session: whoever knew the old one is signed out too. */
  async changePassword(
    caller: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    clientIp: string,
  ): Promise<void> {
    // Checking the current password is a way to guess it, so it is throttled like sign-in.
    const attempt = await this.throttle.attempt(caller.username, clientIp);
    const user = await this.users.findById(caller.id);
    if (!user) throw invalidToken('The access token names an account that no longer exists');
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new ApiException(403, 'The current password is incorrect.');
    }
    await attempt.succeeded();
    const updated = await this.users.updatePassword(
      user.id,
      await this.passwords.hash(newPassword),
    );
    if (!updated) throw invalidToken('The access token names an account that no longer exists');
    await this.revocation.raiseVersion(`user:${user.id}`, updated.tokenVersion);
    await this.sessions.endAll(user.id, 'password changed');
  }

  private async startSession(user: VersionedUser): Promise<SignedIn> {
    const session = await this.sessions.start(user.id);
    return { user, access: this.tokens.issue(user, session.sessionId), session };
  }
}
