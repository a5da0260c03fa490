import { Inject, Injectable } from '@nestjs/common';
import type { Role, UserView } from '@authlab/shared';
import { DATABASE, type Database } from '../database/database.types.js';

export interface UserRecord extends UserView {
  passwordHash: string;
  createdAt: string;
}

/** The only place that reads or writes the users table. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  findByUsername(username: string): Promise<UserRecord | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findById(id: number): Promise<UserRecord | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(): Promise<Array<UserView & { createdAt: string }>> {
    return this.db.selectFrom('users').select(['id', 'username', 'role', 'createdAt']).orderBy('id').execute();
  }

  /** Throws a unique violation when the username is taken (see isUniqueViolation). */
  insert(user: { username: string; passwordHash: string; role: Role }): Promise<UserView> {
    return this.db
      .insertInto('users')
      .values({ ...user, createdAt: new Date().toISOString() })
      .returning(['id', 'username', 'role'])
      .executeTakeFirstOrThrow();
  }

  updateRole(id: number, role: Role): Promise<UserView | undefined> {
    return this.db
      .updateTable('users')
      .set({ role })
      .where('id', '=', id)
      .returning(['id', 'username', 'role'])
      .executeTakeFirst();
  }
}
