import { Injectable } from '@nestjs/common';
import { DEFAULT_ROLE, type Credentials } from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { UsersRepository, type VersionedUser } from '../../users/users.repository.js';
import type { AuthenticatedUser } from '../authentication/authenticated-user.js';
import { authenticationRequired, invalidToken } from '../authentication/bearer-challenge.js';
import { PasswordHasher } from './passwords/password-hasher.service.js';
import { RevocationService } from '../revocation/revocation.service.js';
import {
  SESSION_END_REASONS,
  SessionsService,
  type OpenSession,
} from '../sessions/sessions.service.js';
import { SignInThrottle } from './throttling/sign-in-throttle.service.js';
import { SignUpThrottle } from './throttling/sign-up-throttle.service.js';
import { AccessTokenService, type IssuedAccessToken } from '../tokens/access-token.service.js';

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
    private readonly signUpThrottle: SignUpThrottle,
  ) {}

  /** `clientIp` is counted by the sign-up throttle before any hashing is done. */
  async signUp({ username, password }: Credentials, clientIp: string): Promise<SignedIn> {
    await this.signUpThrottle.attempt(clientIp);
    const passwordHash = await this.passwords.hash(password);
    let user: VersionedUser;
    try {
      user = await this.users.insert({ username, passwordHash, role: DEFAULT_ROLE });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiException(409, 'That username is taken.');
      throw error;
    }
    // Nobody else can have changed an account that did not exist a moment ago.
    const started = await this.sessions.start(user.id, () => Promise.resolve(user));
    return this.signedIn(started!);
  }

  /** `clientIp` is counted by the sign-in throttle together with the username. */
  async signIn(credentials: Credentials, clientIp: string): Promise<SignedIn> {
    const { user, attempt } = await this.checkPassword(credentials, clientIp);
    // The hash was read before the (slow, queued) check: the session starts only if it is still
    // the current one, and the token carries the account as it is now, not as it was read.
    const started = await this.sessions.start(user.id, (trx) =>
      this.users.holdIfPasswordIs(trx, user.id, user.passwordHash),
    );
    if (!started) throw authenticationRequired(BAD_CREDENTIALS);
    await attempt.succeeded();
    return this.signedIn(started);
  }

  /**
   * Checks a username and password without starting a session: the authorization server's
   * sign-in page, which needs to know who the user is, not to hand them tokens.
   */
  async verifyCredentials(credentials: Credentials, clientIp: string): Promise<VersionedUser> {
    const { user, attempt } = await this.checkPassword(credentials, clientIp);
    await attempt.succeeded();
    return user;
  }

  /** Throttled, and the same argon2 work whether or not the account exists. */
  private async checkPassword({ username, password }: Credentials, clientIp: string) {
    const attempt = await this.throttle.attempt(username, clientIp);
    const user = await this.users.findByUsername(username);
    // The same argon2 work runs whether or not the account exists.
    let valid: boolean;
    try {
      valid = user
        ? await this.passwords.verify(user.passwordHash, password)
        : await this.passwords.verifyAgainstNothing(password);
    } catch (busy) {
      // Refused before the password was checked (503): not a guess, so it does not count.
      await attempt.withdrawn();
      throw busy;
    }
    if (!user || !valid) throw authenticationRequired(BAD_CREDENTIALS);
    return { user, attempt };
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
    await this.sessions.end(caller.sessionId, SESSION_END_REASONS.signOut);
    await this.revocation.denyToken(caller.tokenId, caller.expiresAt);
  }

  /** Ends every session of the caller and retires every access token issued to them so far. */
  async signOutEverywhere(caller: AuthenticatedUser): Promise<void> {
    const version = await this.sessions.endAllWith(caller.id, 'signed out everywhere', (trx) =>
      this.users.raiseTokenVersion(caller.id, trx),
    );
    if (version === undefined)
      throw invalidToken('The access token names an account that no longer exists');
    await this.revocation.raiseVersion(`user:${caller.id}`, version);
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
    const newHash = await this.passwords.hash(newPassword);
    // The new hash and the end of every session commit together (see SessionsService.endAllWith).
    const updated = await this.sessions.endAllWith(user.id, 'password changed', (trx) =>
      this.users.updatePassword(user.id, newHash, trx),
    );
    if (!updated) throw invalidToken('The access token names an account that no longer exists');
    await this.revocation.raiseVersion(`user:${user.id}`, updated.tokenVersion);
  }

  private signedIn({
    session,
    confirmed: user,
  }: {
    session: OpenSession;
    confirmed: VersionedUser;
  }): SignedIn {
    return { user, access: this.tokens.issue(user, session.sessionId), session };
  }
}
