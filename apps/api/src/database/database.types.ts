import type { Generated, Kysely } from 'kysely';
import type { Role } from '@authlab/shared';

/** Table shapes as the code sees them; CamelCasePlugin maps them to snake_case columns. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  passwordHash: string;
  role: Role;
  createdAt: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  title: string;
  body: string;
  authorId: number;
  createdAt: string;
  updatedAt: string;
}

export interface DatabaseSchema {
  users: UsersTable;
  articles: ArticlesTable;
}

export type Database = Kysely<DatabaseSchema>;

/** Injection token of the Kysely instance. */
export const DATABASE = Symbol('DATABASE');

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASE_KIND = Symbol('DATABASE_KIND');
