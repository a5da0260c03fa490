import { isPermission, type Permission } from '@authlab/shared';
import { parseBasicHeader } from '../../auth/sign-in/basic-credentials.js';
import { invalidClient, OAuthError } from './oauth-error.js';

export interface ClientCredentialsRequest {
  grantType: string;
  /** The scope asked for, as sent (space-separated), or undefined for "all I may have". */
  scope: string | undefined;
}

const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description);

/** Reads one parameter; RFC 6749 §3.2: none may be sent twice, and an empty one counts as absent. */
function single(form: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(form, name) ? form[name] : undefined;
  if (Array.isArray(value))
    throw invalidRequest(`The parameter "${name}" was sent more than once.`);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A form body with every parameter sent at most once (RFC 6749 §3.2), as a reader of its values:
 * `read(name)` is the value, or undefined for a parameter absent or empty.
 */
export function readForm(isForm: boolean, body: unknown): (name: string) => string | undefined {
  if (!isForm || typeof body !== 'object' || body === null) {
    throw invalidRequest(
      'The request must be a form: Content-Type application/x-www-form-urlencoded (RFC 6749 §3.2).',
    );
  }
  const form = body as Record<string, unknown>;
  for (const name of Object.keys(form)) single(form, name);
  return (name) => single(form, name);
}

/**
 * The form body of a client-credentials token request (RFC 6749 §4.4.2). Unknown parameters
 * are ignored as §3.2 requires — except client credentials, which belong in the Basic header
 * only: a client must not use two ways of authenticating at once (§2.3).
 */
export function readTokenRequest(isForm: boolean, body: unknown): ClientCredentialsRequest {
  const read = readForm(isForm, body);
  const form = body as Record<string, unknown>;
  if (single(form, 'client_secret') !== undefined || single(form, 'client_id') !== undefined) {
    throw invalidRequest(
      'Send the client credentials in the Authorization header (HTTP Basic) only, never in the body.',
    );
  }
  const grantType = read('grant_type');
  if (grantType === undefined) throw invalidRequest('The grant_type parameter is missing.');
  return { grantType, scope: read('scope') };
}

/** Form-decoding, as RFC 6749 §2.3.1 asks of the client id and secret inside the Basic header. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalidClient('The client credentials are not correctly encoded.');
  }
}

/** The client id and secret from `Authorization: Basic …`; anything else is a failed client authentication. */
export function clientCredentialsFrom(authorization: string | undefined): {
  clientId: string;
  secret: string;
} {
  const basic = parseBasicHeader(authorization);
  if (basic.kind === 'absent')
    throw invalidClient('Authenticate the client with HTTP Basic: client_id and client_secret.');
  if (basic.kind === 'malformed') throw invalidClient(`${basic.reason}.`);
  return { clientId: formDecode(basic.username), secret: formDecode(basic.password) };
}

/**
 * The permissions to grant: what was asked for, which must be within what the client was
 * registered with (invalid_scope otherwise), or everything it was registered with.
 */
export function grantedScope(
  requested: string | undefined,
  registered: readonly Permission[],
): Permission[] {
  if (requested === undefined) return [...registered];
  const words = [...new Set(requested.split(' ').filter(Boolean))];
  const outside = words.filter((word) => !isPermission(word) || !registered.includes(word));
  if (words.length === 0 || outside.length > 0) {
    throw new OAuthError(
      400,
      'invalid_scope',
      `This client may ask only for: ${registered.join(' ')}.`,
    );
  }
  return registered.filter((permission) => words.includes(permission));
}
