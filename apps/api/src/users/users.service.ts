import { Injectable } from '@nestjs/common';
import type { Role, SensitivityLabel, UserClearance, UserView } from '@authlab/shared';
import { RevocationService } from '../auth/revocation/revocation.service.js';
import { ApiException } from '../common/errors/api-exception.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly revocation: RevocationService,
  ) {}

  list(): Promise<Array<UserView & { clearance: SensitivityLabel; createdAt: string }>> {
    return this.users.list();
  }

  async changeRole(actorId: number, userId: number, role: Role): Promise<UserView> {
    // An admin demoting themselves could leave nobody able to manage roles.
    if (actorId === userId) throw new ApiException(409, 'You cannot change your own role.');
    const updated = await this.users.updateRole(userId, role);
    if (!updated) throw new ApiException(404, `No user has id ${userId}.`);
    // Tokens issued with the old role stop working now, not when they expire.
    await this.revocation.raiseVersion(`user:${userId}`, updated.tokenVersion);
    return { id: updated.id, username: updated.username, role: updated.role };
  }

  /**
   * MAC: a clearance is the system's to set, never the user's. It is read with every article
   * request, so it applies at once; no token carries it.
   */
  async changeClearance(userId: number, clearance: SensitivityLabel): Promise<UserClearance> {
    const updated = await this.users.updateClearance(userId, clearance);
    if (!updated) throw new ApiException(404, `No user has id ${userId}.`);
    return updated;
  }
}
