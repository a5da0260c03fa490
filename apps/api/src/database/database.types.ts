import type { Generated, Kysely } from 'kysely';
import type { ArticleStatus, OAuthClientType, Role, SensitivityLabel } from '@authlab/shared';

/** Table shapes as the code sees them; CamelCasePlugin maps them to snake_case columns. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  passwordHash: string;
  role: Role;
  createdAt: string;
  /** Raised by a role or password change and by sign-out-all; tokens carrying an older one are refused. */
  tokenVersion: Generated<number>;
  /** MAC: the highest label this user may read; only admins set it. */
  clearance: Generated<SensitivityLabel>;
}

export interface ArticlesTable {
  id: Generated<number>;
  title: string;
  body: string;
  authorId: number;
  /** 'published' unless the author keeps it a draft; the column defaults to 'published'. */
  status: Generated<ArticleStatus>;
  /** MAC: its sensitivity label; 'public' by default. */
  label: Generated<SensitivityLabel>;
  createdAt: string;
  updatedAt: string;
}

/** DAC: the author let this user read the article. */
export interface ArticleSharesTable {
  articleId: number;
  userId: number;
  createdAt: string;
}

/** A session: one family of refresh tokens, each used once, ending at `expiresAt` at the latest. */
export interface RefreshFamiliesTable {
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  /** The application the session was issued to (authorization code grant); null for a sign-in. */
  clientId: string | null;
  /** The application's scope, space-separated; null for a sign-in. */
  scope: string | null;
}

export interface RefreshTokensTable {
  /** SHA-256 of the token, base64url: the token itself is never stored. */
  tokenHash: string;
  familyId: string;
  createdAt: string;
  usedAt: string | null;
}

export interface ApiClientsTable {
  id: string;
  name: string;
  secretHash: string;
  scope: string;
  createdBy: number | null;
  createdAt: string;
  revokedAt: string | null;
  tokenVersion: Generated<number>;
}

export interface OAuthClientsTable {
  id: string;
  name: string;
  type: OAuthClientType;
  secretHash: string | null;
  /** JSON array of the registered redirect URIs. */
  redirectUris: string;
  scope: string;
  createdBy: number | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A user's remembered consent: this application may hold this scope for them. */
export interface OAuthGrantsTable {
  userId: number;
  clientId: string;
  scope: string;
  grantedAt: string;
}

export interface OAuthCodesTable {
  codeHash: string;
  clientId: string;
  userId: number;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  expiresAt: string;
  usedAt: string | null;
  familyId: string | null;
}

export interface DatabaseSchema {
  users: UsersTable;
  articles: ArticlesTable;
  articleShares: ArticleSharesTable;
  refreshFamilies: RefreshFamiliesTable;
  refreshTokens: RefreshTokensTable;
  apiClients: ApiClientsTable;
  oauthClients: OAuthClientsTable;
  oauthGrants: OAuthGrantsTable;
  oauthCodes: OAuthCodesTable;
}

export type Database = Kysely<DatabaseSchema>;

/** Injection token of the Kysely instance. */
export const DATABASE = Symbol('DATABASE');

export type DatabaseKind = 'sqlite' | 'postgres';
export const DATABASE_KIND = Symbol('DATABASE_KIND');
