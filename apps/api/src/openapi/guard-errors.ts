import type { RouteMetadata } from '@authlab/shared';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why an error can happen, and whether a Bearer challenge (RFC 6750 §3) comes with it. */
export interface DerivedError {
  status: number;
  description: string;
}

/**
 * The errors a route can give before or around its handler, read from what its decorators
 * declare (the same metadata GET /api/meta/routes shows): the middleware chain's, the pipes',
 * the JWT guard's, the roles guard's, the CSRF guard's and the policy guard's. A route adds only
 * the errors of its own handler (@ApiErrors); these stay true as the guards do.
 */
export function guardErrors(route: RouteMetadata): DerivedError[] {
  const errors: DerivedError[] = [
    // allowed-host.middleware.ts: RFC 9110 §15.5.20, against DNS rebinding.
    { status: 421, description: 'The Host header names a host this API does not answer to.' },
  ];
  if (STATE_CHANGING.has(route.method)) {
    errors.push(
      { status: 400, description: 'The body is not valid JSON, or holds a prototype key.' },
      { status: 413, description: 'The body is larger than 100 kB.' },
      { status: 415, description: 'The body is not JSON (Content-Type: application/json).' },
    );
  }
  if (route.pipes.some((pipe) => pipe.startsWith('ZodValidationPipe'))) {
    errors.push({
      status: 400,
      description: 'The input does not match its schema; `details` names each field and why.',
    });
  }
  if (!route.public) {
    errors.push(
      {
        status: 400,
        description:
          'The Authorization header is not `Bearer <token>`, or was sent twice: ' +
          '`WWW-Authenticate: Bearer error="invalid_request"` (RFC 6750 §3.1).',
      },
      {
        status: 401,
        description: route.optionalAuth
          ? 'A token was sent and cannot be accepted (bad signature, expired, revoked…): ' +
            '`WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1). Without a token the route answers anonymously.'
          : 'No access token (`WWW-Authenticate: Bearer realm="authlab"`, no error code), or one that cannot ' +
            'be accepted (bad signature, expired, revoked…): `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1).',
      },
      {
        status: 503,
        description:
          'The shared revocation state cannot be reached for a moment; Retry-After says when to try again.',
      },
    );
    if (!route.optionalAuth) {
      errors.push({
        status: 403,
        description: describeForbidden(route),
      });
    }
  }
  // The policy guard loads the article the path names: a route without an id loads none.
  if (route.policy && route.path.includes(':')) {
    errors.push(
      {
        status: 404,
        description: 'No article has that id, or it is a draft the caller may not see.',
      },
      { status: 403, description: 'The article is not the caller’s to change (owner check).' },
    );
  }
  return errors;
}

function describeForbidden(route: RouteMetadata): string {
  const rule = route.roles
    ? `role ${route.roles.join(' or ')}`
    : route.permissions
      ? `permission ${route.permissions.join(' and ')}`
      : 'an access rule';
  const csrf = STATE_CHANGING.has(route.method)
    ? ' In cookie mode, also when the X-CSRF-Token header does not match the CSRF cookie (no challenge then).'
    : '';
  return (
    `The token is valid but does not grant ${rule}: ` +
    `\`WWW-Authenticate: Bearer error="insufficient_scope"\` (RFC 6750 §3.1).${csrf}`
  );
}
