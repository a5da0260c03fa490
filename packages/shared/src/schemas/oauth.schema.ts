import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../roles.js';

/** `app_` and 16 random bytes in base64url: an application acting for users (authorization code grant). */
export const OAUTH_CLIENT_ID_PATTERN = /^app_[A-Za-z0-9_-]{22}$/;

export const oauthClientIdSchema = z
  .string()
  .regex(OAUTH_CLIENT_ID_PATTERN, 'is not an application id');

/** The authorization server's endpoints (RFC 6749 §3) and its metadata document (RFC 8414 §3). */
export const OAUTH_AUTHORIZE_PATH = '/api/oauth/authorize';
export const OAUTH_REVOKE_PATH = '/api/oauth/revoke';
export const AUTHORIZATION_SERVER_METADATA_PATH = '/.well-known/oauth-authorization-server';

/**
 * Public clients run where a secret cannot be kept (a browser or a phone); confidential clients
 * run on a server and authenticate with a secret (RFC 6749 §2.1).
 */
export const OAUTH_CLIENT_TYPES = ['public', 'confidential'] as const;
export type OAuthClientType = (typeof OAUTH_CLIENT_TYPES)[number];

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A redirect URI an application may register: absolute, no fragment (RFC 6749 §3.1.2), and on
 * HTTPS unless it points at this machine (RFC 9700 §4.1.3; RFC 8252 §7.3 for native apps).
 */
export function redirectUriProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'is not an absolute URL';
  const url = new URL(value);
  if (url.hash !== '' || value.includes('#')) return 'must not have a fragment (RFC 6749 §3.1.2)';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must use https, or http on a loopback address (127.0.0.1, [::1], localhost)';
}

const redirectUriSchema = z.string().superRefine((value, context) => {
  const problem = redirectUriProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** What an admin sends to register an application that will act for users. */
export const registerOAuthClientSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  type: z.enum(OAUTH_CLIENT_TYPES),
  redirectUris: z
    .array(redirectUriSchema)
    .min(1, 'must list at least one redirect URI')
    .max(10, 'must list at most 10 redirect URIs')
    .refine((uris) => new Set(uris).size === uris.length, 'must not repeat a URI'),
  scope: z
    .array(z.enum(PERMISSIONS))
    .min(1, 'must name at least one permission')
    .refine((scope) => new Set(scope).size === scope.length, 'must not repeat a permission'),
});
export type RegisterOAuthClientRequest = z.infer<typeof registerOAuthClientSchema>;

/** Each scope in words, as the consent page and the granted-applications list say it. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  read: 'Read the articles you can see, including your drafts',
  create: 'Write new articles in your name',
  update: 'Change articles you are allowed to edit',
  delete: 'Delete articles you are allowed to delete',
};
