import { isPermission, type Permission } from '@authlab/shared';
import type { OAuthClientRecord } from '../clients/oauth-clients.repository.js';
import { matchesRegisteredRedirect } from '../clients/redirect-uri-match.js';
import { CODE_CHALLENGE_PATTERN } from '../codes/pkce.js';

/** The parameters of RFC 6749 §4.1.1 and RFC 7636 §4.3 the consent form carries from step to step. */
export const AUTHORIZATION_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

export interface AuthorizationRequest {
  client: OAuthClientRecord;
  redirectUri: string;
  scope: Permission[];
  state: string | undefined;
  codeChallenge: string;
  /** The parameters as sent, for the form to carry them to the next step unchanged. */
  parameters: Record<string, string>;
}

/** An error the client may be told through its (verified) redirect URI (RFC 6749 §4.1.2.1). */
export interface RedirectableError {
  redirectUri: string;
  state: string | undefined;
  error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope' | 'access_denied';
  description: string;
}

export type AuthorizationCheck =
  | { kind: 'valid'; request: AuthorizationRequest }
  | { kind: 'redirect-error'; error: RedirectableError }
  /** The client or redirect URI cannot be trusted: say so to the user, never redirect (§4.1.2.1). */
  | { kind: 'untrusted'; message: string };

/** A parameter sent more than once: refused, whatever its values (RFC 6749 §3.1). */
const REPEATED = Symbol('repeated');

function single(
  parameters: Record<string, unknown>,
  name: string,
): string | undefined | typeof REPEATED {
  const value = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
  if (Array.isArray(value)) return REPEATED;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The client_id sent, if exactly one was. */
export function requestedClientId(parameters: Record<string, unknown>): string | undefined {
  const clientId = single(parameters, 'client_id');
  return clientId === REPEATED ? undefined : clientId;
}

/**
 * Checks an authorization request in the order RFC 6749 §4.1.2.1 implies: first whether the
 * client and its redirect URI can be trusted (if not, nothing is sent to that URI), then
 * everything else, answered by redirecting an error to the verified URI with the client's state.
 */
export function checkAuthorizationRequest(
  parameters: Record<string, unknown>,
  /** The active client that `requestedClientId` names, looked up by the caller. */
  client: OAuthClientRecord | undefined,
): AuthorizationCheck {
  if (requestedClientId(parameters) === undefined)
    return { kind: 'untrusted', message: 'The request names no application (client_id).' };
  if (!client)
    return {
      kind: 'untrusted',
      message: 'The application that sent you here is unknown or no longer allowed to ask.',
    };
  const redirectUri = single(parameters, 'redirect_uri');
  if (redirectUri === undefined || redirectUri === REPEATED)
    return {
      kind: 'untrusted',
      message: `${client.name} sent no redirect_uri, so there is nowhere safe to send you back.`,
    };
  if (!matchesRegisteredRedirect(client.redirectUris, redirectUri))
    return {
      kind: 'untrusted',
      message: `${client.name} asked to send you back to an address it did not register, so you are not sent there.`,
    };

  const rawState = single(parameters, 'state');
  const state = rawState === REPEATED ? undefined : rawState;
  const fail = (error: RedirectableError['error'], description: string): AuthorizationCheck => ({
    kind: 'redirect-error',
    error: { redirectUri, state, error, description },
  });
  for (const name of AUTHORIZATION_PARAMETERS) {
    if (single(parameters, name) === REPEATED)
      return fail('invalid_request', `The parameter ${name} was sent more than once.`);
  }
  // No parameter is repeated from here on.
  const read = (name: string) => {
    const value = single(parameters, name);
    return typeof value === 'string' ? value : undefined;
  };
  const responseType = read('response_type');
  if (responseType === undefined) return fail('invalid_request', 'response_type is missing.');
  if (responseType !== 'code')
    return fail(
      'unsupported_response_type',
      'Only the authorization code flow (response_type=code) is offered (RFC 9700 §2.1.2).',
    );
  const challenge = read('code_challenge');
  if (challenge === undefined)
    return fail(
      'invalid_request',
      'PKCE is required: send code_challenge (RFC 7636, RFC 9700 §2.1.1).',
    );
  // RFC 7636 §4.3: an absent method means plain, which is refused like an explicit one.
  if (read('code_challenge_method') !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256; plain is not accepted.');
  if (!CODE_CHALLENGE_PATTERN.test(challenge))
    return fail(
      'invalid_request',
      'code_challenge is not a S256 challenge (43 base64url characters).',
    );
  const rawScope = read('scope');
  const words = rawScope === undefined ? [] : [...new Set(rawScope.split(' ').filter(Boolean))];
  const outside = words.filter((word) => !isPermission(word) || !client.scope.includes(word));
  if (words.length === 0 || outside.length > 0)
    return fail('invalid_scope', `${client.name} may ask only for: ${client.scope.join(' ')}.`);

  const sent: Record<string, string> = {};
  for (const name of AUTHORIZATION_PARAMETERS) {
    const value = read(name);
    if (value !== undefined) sent[name] = value;
  }
  return {
    kind: 'valid',
    request: {
      client,
      redirectUri,
      scope: client.scope.filter((permission) => words.includes(permission)),
      state,
      codeChallenge: challenge,
      parameters: sent,
    },
  };
}

/** The authorization response (RFC 6749 §4.1.2, §4.1.2.1) with `iss` (RFC 9207), as a URL to redirect to. */
export function authorizationResponseUrl(
  redirectUri: string,
  issuer: string,
  state: string | undefined,
  fields: Record<string, string>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) url.searchParams.append(name, value);
  if (state !== undefined) url.searchParams.append('state', state);
  url.searchParams.append('iss', issuer);
  return url.href;
}
