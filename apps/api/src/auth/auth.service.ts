import { Injectable } from '@nestjs/common';
import { DEFAULT_ROLE, type Credentials, type TokenResponse, type UserView } from '@authlab/shared';
import { ApiException } from '../common/errors/api-exception.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { UsersRepository } from '../users/users.repository.js';
import { authenticationRequired } from './bearer-challenge.js';
import { PasswordHasher } from './passwords/password-hasher.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';

/** One answer for a wrong username and a wrong password, so neither reveals which accounts exist. */
const BAD_CREDENTIALS = 'The username or password is incorrect.';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {}

  async signUp({ username, password }: Credentials): Promise<TokenResponse> {
    const passwordHash = await this.passwords.hash(password);
    let user: UserView;
    try {
      user = await this.users.insert({ username, passwordHash, role: DEFAULT_ROLE });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiException(409, 'That username is taken.');
      throw error;
    }
    return this.tokenResponse(user);
  }

  async signIn({ username, password }: Credentials): Promise<TokenResponse> {
    const user = await this.users.findByUsername(username);
    // The same argon2 work runs whether or not the account exists.
    const valid = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyAgainstNothing(password);
    if (!user || !valid) throw authenticationRequired(BAD_CREDENTIALS);
    return this.tokenResponse({ id: user.id, username: user.username, role: user.role });
  }

  private tokenResponse(user: UserView): TokenResponse {
    const { accessToken, expiresIn } = this.tokens.issue(user);
    return { user, accessToken, tokenType: 'Bearer', expiresIn };
  }
}
