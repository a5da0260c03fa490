/** Response bodies of the API, as both sides see them. */
import type { ArticleStatus } from './article-policy.js';
import type { SensitivityLabel } from './sensitivity-labels.js';
import type { Permission, Role } from './roles.js';
import type { OAuthClientType } from './schemas/oauth.schema.js';

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
  /** Opaque, single use: POST it to /api/auth/refresh for a new pair. */
  refreshToken: string;
  /** Seconds until the session ends, however often it is refreshed (absolute lifetime). */
  refreshExpiresIn: number;
}

/** The answer in cookie mode: the tokens went into HttpOnly cookies, never into the body. */
export interface CookieSessionResponse {
  user: UserView;
  tokenDelivery: 'cookie';
  expiresIn: number;
  refreshExpiresIn: number;
  /** Also in the CSRF cookie; send it back in the X-CSRF-Token header on every state-changing request. */
  csrfToken: string;
}

/** GET /api/auth/cookies: what the browser sent, without the values of HttpOnly cookies. */
export interface CookieEchoResponse {
  cookies: Array<{
    name: string;
    /** Length of the value in characters. */
    length: number;
    /** Whether this is one of the session cookies the API sets. */
    setByApi: boolean;
    /** Whether the API sets it HttpOnly (the page's JavaScript cannot read it); null for cookies it did not set. */
    httpOnly: boolean | null;
    /** The value, only for the one cookie the page's JavaScript is meant to read (the CSRF cookie). */
    value?: string;
  }>;
}

/** A machine client as admins see it. The secret is never shown again after registration. */
export interface ApiClientView {
  clientId: string;
  name: string;
  scope: Permission[];
  createdAt: string;
  revokedAt: string | null;
}

export interface RegisteredApiClient extends ApiClientView {
  /** Shown once, now; only its hash is stored. */
  clientSecret: string;
}

/** RFC 6749 §5.1: the token endpoint's success answer (snake_case, as the RFC names it). */
export interface ClientTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** RFC 6749 §5.2: the token endpoint's error answer. */
export interface OAuthErrorBody {
  error:
    | 'invalid_request'
    | 'invalid_client'
    | 'invalid_grant'
    | 'unauthorized_client'
    | 'unsupported_grant_type'
    | 'invalid_scope';
  error_description: string;
}

export interface Article {
  id: number;
  title: string;
  body: string;
  authorId: number;
  authorUsername: string;
  /** A draft is seen only by its author and by editors (see article-policy.ts). */
  status: ArticleStatus;
  /** Its sensitivity label (MAC): nobody cleared below it reads it. */
  label: SensitivityLabel;
  /** Who its author shared it with (DAC), usernames; shown to its author only. */
  sharedWith?: string[];
  createdAt: string;
  updatedAt: string;
}

/** A DAC grant: the author let this user read the article. */
export interface ArticleShare {
  articleId: number;
  username: string;
}

/** An account's clearance (MAC), as admins set it. */
export interface UserClearance {
  id: number;
  username: string;
  clearance: SensitivityLabel;
}

export interface HealthResponse {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  uptimeSeconds: number;
}

export interface JsonWebKeySet {
  keys: Array<Record<string, string>>;
}

/** An application registered to act for users, as admins see it. */
export interface OAuthClientView {
  clientId: string;
  name: string;
  type: OAuthClientType;
  redirectUris: string[];
  /** The most it may ask a user for; a user's grant is never more than their own role. */
  scope: Permission[];
  createdAt: string;
  revokedAt: string | null;
}

export interface RegisteredOAuthClient extends OAuthClientView {
  /** Confidential clients only, shown once, now; only its hash is stored. */
  clientSecret?: string;
}

/** An application a user has let act for them, as the user sees it. */
export interface OAuthGrantView {
  clientId: string;
  name: string;
  scope: Permission[];
  grantedAt: string;
}

/** RFC 6749 §5.1 for the authorization code and refresh token grants. */
export interface DelegatedTokenResponse extends ClientTokenResponse {
  refresh_token: string;
}

/** RFC 8414 §2: what a client library reads to find the endpoints and what they accept. */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  jwks_uri: string;
  scopes_supported: Permission[];
  response_types_supported: ['code'];
  response_modes_supported: ['query'];
  grant_types_supported: string[];
  code_challenge_methods_supported: ['S256'];
  token_endpoint_auth_methods_supported: string[];
  revocation_endpoint_auth_methods_supported: string[];
  authorization_response_iss_parameter_supported: true;
}
