/** Response bodies of the API, as both sides see them. */
import type { Permission, Role } from './roles.js';

export interface UserView {
  id: number;
  username: string;
  role: Role;
}

export interface UserProfile extends UserView {
  permissions: Permission[];
  createdAt: string;
}

export interface TokenResponse {
  user: UserView;
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
}

export interface Article {
  id: number;
  title: string;
  body: string;
  authorId: number;
  authorUsername: string;
  createdAt: string;
  updatedAt: string;
}

export interface HealthResponse {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  uptimeSeconds: number;
}

export interface JsonWebKeySet {
  keys: Array<Record<string, string>>;
}
