import type { Permission } from '@authlab/shared';
import type { OpenSession } from '../../auth/sessions/sessions.service.js';
import type { IssuedAccessToken } from '../../auth/tokens/access-token.service.js';
import type { VersionedUser } from '../../users/users.repository.js';

/** Tokens issued to an application acting for a user: the access token, the session (refresh family), the scope. */
export interface DelegatedTokens {
  user: VersionedUser;
  access: IssuedAccessToken;
  session: OpenSession;
  scope: Permission[];
}
