import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Role, SensitivityLabel, UserClearance, UserView } from '@authlab/shared';
import {
  DATABASE,
  DATABASE_KIND,
  type Database,
  type DatabaseKind,
  type DatabaseSchema,
} from '../database/database.types.js';
import { preparedQuery, type PreparedQuery } from '../database/prepared-query.js';

export interface UserRecord extends UserView {
  passwordHash: string;
  clearance: SensitivityLabel;
  createdAt: string;
  tokenVersion: number;
}

/** A user as tokens need them: who, which role, and the token version to write into `ver`. */
export type VersionedUser = UserView & { tokenVersion: number };

type Executor = Database | Transaction<DatabaseSchema>;

/** The only place that reads or writes the users table. */
@Injectable()
export class UsersRepository {
  /** Every sign-in and every /auth/me runs one of these: compiled once (see preparedQuery). */
  private readonly byUsername: PreparedQuery<[username: string], UserRecord>;
  private readonly byId: PreparedQuery<[id: number], UserRecord>;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(DATABASE_KIND) private readonly kind: DatabaseKind,
  ) {
    this.byUsername = preparedQuery(
      db,
      (username: string) => db.selectFrom('users').selectAll().where('username', '=', username),
      [''],
    );
    this.byId = preparedQuery(
      db,
      (id: number) => db.selectFrom('users').selectAll().where('id', '=', id),
      [0],
    );
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    return (await this.byUsername(username))[0];
  }

  async findById(id: number): Promise<UserRecord | undefined> {
    return (await this.byId(id))[0];
  }

  list(): Promise<Array<UserView & { clearance: SensitivityLabel; createdAt: string }>> {
    return this.db
      .selectFrom('users')
      .select(['id', 'username', 'role', 'clearance', 'createdAt'])
      .orderBy('id')
      .execute();
  }

  /** Throws a unique violation when the username is taken (see isUniqueViolation). */
  insert(user: { username: string; passwordHash: string; role: Role }): Promise<VersionedUser> {
    return this.db
      .insertInto('users')
      .values({ ...user, createdAt: new Date().toISOString() })
      .returning(['id', 'username', 'role', 'tokenVersion'])
      .executeTakeFirstOrThrow();
  }

  /** Changes the role and, in the same statement, the token version: tokens with the old role stop working. */
  updateRole(id: number, role: Role): Promise<VersionedUser | undefined> {
    return this.db
      .updateTable('users')
      .set((eb) => ({ role, tokenVersion: eb('tokenVersion', '+', 1) }))
      .where('id', '=', id)
      .returning(['id', 'username', 'role', 'tokenVersion'])
      .executeTakeFirst();
  }

  /** MAC: only admins call this (UsersController); it applies to the user's next request. */
  updateClearance(id: number, clearance: SensitivityLabel): Promise<UserClearance | undefined> {
    return this.db
      .updateTable('users')
      .set({ clearance })
      .where('id', '=', id)
      .returning(['id', 'username', 'clearance'])
      .executeTakeFirst();
  }

  /**
   * The user as they are now, if their password hash is still `passwordHash`; inside `trx`, the
   * row stays as read until the transaction ends. PostgreSQL needs `FOR SHARE` for that: a
   * concurrent password change waits for this transaction, and one that committed first makes
   * the hash differ. SQLite runs one transaction at a time, so the read alone suffices.
   */
  holdIfPasswordIs(
    trx: Transaction<DatabaseSchema>,
    id: number,
    passwordHash: string,
  ): Promise<VersionedUser | undefined> {
    return trx
      .selectFrom('users')
      .select(['id', 'username', 'role', 'tokenVersion'])
      .where('id', '=', id)
      .where('passwordHash', '=', passwordHash)
      .$if(this.kind === 'postgres', (query) => query.forShare())
      .executeTakeFirst();
  }

  /** Changes the password hash and, in the same statement, the token version. */
  updatePassword(
    id: number,
    passwordHash: string,
    executor: Executor = this.db,
  ): Promise<VersionedUser | undefined> {
    return executor
      .updateTable('users')
      .set((eb) => ({ passwordHash, tokenVersion: eb('tokenVersion', '+', 1) }))
      .where('id', '=', id)
      .returning(['id', 'username', 'role', 'tokenVersion'])
      .executeTakeFirst();
  }

  /** Retires every token issued so far (sign-out everywhere); returns the new version. */
  async raiseTokenVersion(id: number, executor: Executor = this.db): Promise<number | undefined> {
    const row = await executor
      .updateTable('users')
      .set((eb) => ({ tokenVersion: eb('tokenVersion', '+', 1) }))
      .where('id', '=', id)
      .returning('tokenVersion')
      .executeTakeFirst();
    return row?.tokenVersion;
  }
}
