import type {
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  ResponseObject,
  SecurityRequirementObject,
} from '@nestjs/swagger';
import {
  OAUTH_TOKEN_PATH,
  errorBodySchema,
  oauthErrorBodySchema,
  type RouteMetadata,
} from '@authlab/shared';
import { SETS_COOKIES } from './api-answer.decorator.js';
import { guardErrors } from './guard-errors.js';
import { openApiResponseSchema } from './openapi-schema.js';
import { SECURITY } from './security-schemes.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `/api/articles/:id` as OpenAPI writes it: `/api/articles/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };
const OAUTH_ERROR_REF = { $ref: '#/components/schemas/OAuthErrorBody' };

const TRACE_ID: HeaderObject = {
  description:
    'The id of this request’s trace (GET /api/traces/{id}); also `traceId` in error bodies.',
  required: true,
  schema: { type: 'string' },
};

const BEARER_CHALLENGE: HeaderObject = {
  description:
    'RFC 6750 §3: `Bearer realm="authlab"`, with `error="invalid_request"` (400), `error="invalid_token"` ' +
    '(401, a token that cannot be accepted; no error code when no token was sent) or ' +
    '`error="insufficient_scope"` and the `scope` needed (403).',
  schema: { type: 'string', pattern: '^Bearer realm="authlab"' },
};

const BASIC_CHALLENGE: HeaderObject = {
  description: 'RFC 6749 §5.2 and RFC 7617: the client must authenticate with HTTP Basic.',
  required: true,
  schema: { type: 'string', pattern: '^Basic realm="authlab"' },
};

const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before trying again (RFC 9110 §10.2.3).',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
};

const SET_COOKIE: HeaderObject = {
  description:
    'In cookie mode (`?mode=cookie`): the access and refresh tokens in HttpOnly, SameSite=Strict cookies, ' +
    'and the CSRF cookie the page copies into X-CSRF-Token; on sign-out, the same cookies expired. ' +
    'Over HTTPS their names carry the __Host- (or __Secure-) prefix.',
  schema: { type: 'string' },
};

/** Who may call a route, as its decorators say: the same reading as the guards'. */
function securityOf(route: RouteMetadata, operation: OperationObject): SecurityRequirementObject[] {
  if (route.path === OAUTH_TOKEN_PATH) return [{ [SECURITY.basic]: [] }];
  const basic = (operation.security ?? []).some((requirement) => SECURITY.basic in requirement);
  if (route.public) return basic ? [{ [SECURITY.basic]: [] }, {}] : [];
  const cookie: SecurityRequirementObject = STATE_CHANGING.has(route.method)
    ? { [SECURITY.cookie]: [], [SECURITY.csrf]: [] }
    : { [SECURITY.cookie]: [] };
  const requirements: SecurityRequirementObject[] = [{ [SECURITY.bearer]: [] }, cookie];
  return route.optionalAuth ? [...requirements, {}] : requirements;
}

function mergeErrors(operation: OperationObject, route: RouteMetadata): void {
  const responses = operation.responses as Record<string, ResponseObject>;
  const byStatus = new Map<number, string[]>();
  for (const error of guardErrors(route)) {
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error.description]);
  }
  for (const [status, descriptions] of byStatus) {
    const own = responses[status]?.description;
    responses[status] = {
      ...responses[status],
      description: [own, ...descriptions].filter(Boolean).join('\n\nOr: '),
    };
  }
}

function completeAnswer(
  status: number,
  answer: ResponseObject,
  route: RouteMetadata | undefined,
  setsCookies: boolean,
): void {
  const headers: Record<string, HeaderObject> = { 'X-Trace-Id': TRACE_ID, ...answer.headers };
  const tokenEndpoint = route?.path === OAUTH_TOKEN_PATH;
  if (status >= 400 && !answer.content) {
    // The token endpoint answers in RFC 6749 §5.2's shape; a body its parser refuses before the
    // endpoint runs (a prototype key, say) is answered by the middleware, in the API's one shape.
    const schema =
      tokenEndpoint && status === 401
        ? OAUTH_ERROR_REF
        : tokenEndpoint && status === 400
          ? { oneOf: [OAUTH_ERROR_REF, ERROR_REF] }
          : ERROR_REF;
    answer.content = { 'application/json': { schema } };
  }
  if (tokenEndpoint && status === 401) headers['WWW-Authenticate'] = BASIC_CHALLENGE;
  // Every 401 carries a challenge (RFC 9110 §11.6.1, RFC 6750 §3).
  else if (status === 401) headers['WWW-Authenticate'] = { ...BEARER_CHALLENGE, required: true };
  // A 400 or 403 of the bearer guard or the roles guard does too; one from elsewhere on the same
  // route (a bad body, the CSRF check) carries none.
  else if (route && !route.public && (status === 400 || status === 403))
    headers['WWW-Authenticate'] = BEARER_CHALLENGE;
  if (status === 429 || status === 503) headers['Retry-After'] = RETRY_AFTER;
  if (setsCookies) headers['Set-Cookie'] = SET_COOKIE;
  answer.headers = headers;
}

/**
 * Completes the document Nest's decorators produce with what the route metadata already knows:
 * each route's guard, pipe and middleware errors with the one error shape (the RFC 6749 shape
 * on the token endpoint), the Bearer challenge, Retry-After, Set-Cookie and X-Trace-Id headers,
 * and each operation's security requirement. Written once here, so no route repeats it.
 */
export function completeDocument(document: OpenAPIObject, routes: readonly RouteMetadata[]): void {
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    ErrorBody: openApiResponseSchema(errorBodySchema),
    OAuthErrorBody: openApiResponseSchema(oauthErrorBodySchema),
  };
  const routeOf = new Map(
    routes.map((route) => [`${route.method.toLowerCase()} ${openApiPath(route.path)}`, route]),
  );
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = routeOf.get(`${method} ${path}`);
      if (route) {
        mergeErrors(operation, route);
        operation.security = securityOf(route, operation);
      }
      const extensions = operation as unknown as Record<string, unknown>;
      const setsCookies = extensions[SETS_COOKIES] === true;
      delete extensions[SETS_COOKIES];
      for (const [status, answer] of Object.entries(operation.responses)) {
        completeAnswer(Number(status), answer as ResponseObject, route, setsCookies);
      }
    }
  }
}
