import express, { type RequestHandler } from 'express';
import { OAUTH_AUTHORIZE_PATH, OAUTH_REVOKE_PATH, OAUTH_TOKEN_PATH } from '@authlab/shared';
import { inOwnWordsIfCorrupt, PROTOTYPE_KEY_ERROR } from './body-errors.js';

export const BODY_LIMIT = '100kb';

/** Keys that could reach Object.prototype if a parsed body were ever merged into another object. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Parses JSON bodies (strictly: only objects and arrays, at most 100 kB) and refuses any body
 * with a prototype key at any depth, so such keys never reach an object in this API. A corrupt
 * compressed body is refused in the API's words, not zlib's.
 */
export function jsonBodyParser(): RequestHandler {
  const parse = express.json({
    limit: BODY_LIMIT,
    strict: true,
    type: 'application/json',
    reviver(key, value: unknown) {
      if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`${PROTOTYPE_KEY_ERROR} "${key}"`);
      return value;
    },
  });
  return (request, response, next) =>
    parse(request, response, (error?: unknown) =>
      next(error && inOwnWordsIfCorrupt(error, request.headers['content-encoding'])),
    );
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(headers: express.Request['headers']): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * The routes whose body is a form, as RFC 6749 §3.2 and RFC 7009 §2.1 require: the OAuth token
 * and revocation endpoints, and the authorization server's own sign-in and consent page.
 */
export const FORM_ROUTES: ReadonlySet<string> = new Set([
  OAUTH_TOKEN_PATH,
  OAUTH_REVOKE_PATH,
  OAUTH_AUTHORIZE_PATH,
]);

function acceptedMediaType(request: express.Request): boolean {
  if (request.is('application/json')) return true;
  return FORM_ROUTES.has(request.path) && request.is('application/x-www-form-urlencoded') !== false;
}

/** A body in any other format than JSON (or a form, on the token route) gets 415 instead of being silently ignored. */
export const requireJsonBody: RequestHandler = (request, response, next) => {
  if (
    METHODS_WITH_BODY.has(request.method) &&
    hasBody(request.headers) &&
    !acceptedMediaType(request)
  ) {
    next(Object.assign(new Error('unsupported media type'), { type: 'media.unsupported' }));
    return;
  }
  next();
};
