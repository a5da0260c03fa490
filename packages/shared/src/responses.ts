/**
 * Response bodies of the API, as both sides see them: zod schemas, so the same definitions type
 * the playground, document the answers in the API's OpenAPI document, and let the contract test
 * check every real answer against them. The types are read from the schemas, never typed twice.
 */
import { z } from 'zod';
import { ARTICLE_STATUSES } from './article-policy.js';
import { SENSITIVITY_LABELS } from './sensitivity-labels.js';
import { PERMISSIONS, ROLES, type Permission } from './roles.js';
import type { OAuthClientType } from './schemas/oauth.schema.js';

const isoDateTime = z
  .string()
  .meta({ description: 'ISO 8601', example: '2026-11-29T20:00:00.000Z' });

export const userViewSchema = z.object({
  id: z.number().int().min(1),
  username: z.string(),
  role: z.enum(ROLES),
});
export type UserView = z.infer<typeof userViewSchema>;

/** GET /api/users: every account, with when it was made. */
export const userListItemSchema = userViewSchema.extend({
  clearance: z.enum(SENSITIVITY_LABELS),
  createdAt: isoDateTime,
});
export type UserListItem = z.infer<typeof userListItemSchema>;

export const userProfileSchema = userViewSchema.extend({
  permissions: z.array(z.enum(PERMISSIONS)),
  createdAt: isoDateTime,
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const tokenResponseSchema = z.object({
  user: userViewSchema,
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** Lifetime of the access token in seconds. */
  expiresIn: z.number().int(),
  /** Opaque, single use: POST it to /api/auth/refresh for a new pair. */
  refreshToken: z.string(),
  /** Seconds until the session ends, however often it is refreshed (absolute lifetime). */
  refreshExpiresIn: z.number().int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** The answer in cookie mode: the tokens went into HttpOnly cookies, never into the body. */
export const cookieSessionResponseSchema = z.object({
  user: userViewSchema,
  tokenDelivery: z.literal('cookie'),
  expiresIn: z.number().int(),
  refreshExpiresIn: z.number().int(),
  /** Also in the CSRF cookie; send it back in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
});
export type CookieSessionResponse = z.infer<typeof cookieSessionResponseSchema>;

/** Sign-up, sign-in and refresh: tokens in the body, or (mode=cookie) in cookies. */
export const sessionResponseSchema = z.union([tokenResponseSchema, cookieSessionResponseSchema]);

/** GET /api/auth/cookies: what the browser sent, without the values of HttpOnly cookies. */
export const cookieEchoResponseSchema = z.object({
  cookies: z.array(
    z.object({
      name: z.string(),
      /** Length of the value in characters. */
      length: z.number().int(),
      /** Whether this is one of the session cookies the API sets. */
      setByApi: z.boolean(),
      /** Whether the API sets it HttpOnly (the page's JavaScript cannot read it); null for cookies it did not set. */
      httpOnly: z.boolean().nullable(),
      /** The value, only for the one cookie the page's JavaScript is meant to read (the CSRF cookie). */
      value: z.string().optional(),
    }),
  ),
});
export type CookieEchoResponse = z.infer<typeof cookieEchoResponseSchema>;

/** A machine client as admins see it. The secret is never shown again after registration. */
export const apiClientViewSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  scope: z.array(z.enum(PERMISSIONS)),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
});
export type ApiClientView = z.infer<typeof apiClientViewSchema>;

export const registeredApiClientSchema = apiClientViewSchema.extend({
  /** Shown once, now; only its hash is stored. */
  clientSecret: z.string(),
});
export type RegisteredApiClient = z.infer<typeof registeredApiClientSchema>;

/** RFC 6749 §5.1: the token endpoint's success answer (snake_case, as the RFC names it). */
export const clientTokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});
export type ClientTokenResponse = z.infer<typeof clientTokenResponseSchema>;

export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

/** RFC 6749 §5.2: the token endpoint's error answer. */
export const oauthErrorBodySchema = z.object({
  error: z.enum(OAUTH_ERROR_CODES),
  error_description: z.string(),
});
export type OAuthErrorBody = z.infer<typeof oauthErrorBodySchema>;

export const articleSchema = z.object({
  id: z.number().int().min(1),
  title: z.string(),
  body: z.string(),
  authorId: z.number().int().min(1),
  authorUsername: z.string(),
  /** A draft is seen only by its author and by editors (see article-policy.ts). */
  status: z.enum(ARTICLE_STATUSES),
  /** Its sensitivity label (MAC): nobody cleared below it reads it. */
  label: z.enum(SENSITIVITY_LABELS),
  /** Who its author shared it with (DAC), usernames; shown to its author only. */
  sharedWith: z.array(z.string()).optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Article = z.infer<typeof articleSchema>;

/** A DAC grant: the author let this user read the article. */
export const articleShareSchema = z.object({
  articleId: z.number().int().min(1),
  username: z.string(),
});
export type ArticleShare = z.infer<typeof articleShareSchema>;

/** An account's clearance (MAC), as admins set it. */
export const userClearanceSchema = z.object({
  id: z.number().int().min(1),
  username: z.string(),
  clearance: z.enum(SENSITIVITY_LABELS),
});
export type UserClearance = z.infer<typeof userClearanceSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const jsonWebKeySetSchema = z.object({
  keys: z.array(z.record(z.string(), z.string())),
});
export type JsonWebKeySet = z.infer<typeof jsonWebKeySetSchema>;

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
