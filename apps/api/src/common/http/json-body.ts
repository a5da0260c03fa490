import express, { type RequestHandler } from 'express';

export const BODY_LIMIT = '100kb';

/** Keys that could reach Object.prototype if a parsed body were ever merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How a refused prototype key is reported, so the error filter can name it. */
export const PROTOTYPE_KEY_ERROR = 'forbidden key';

/**
 * Parses JSON bodies (strictly: only objects and arrays, at most 100 kB) and refuses any body
 * with a prototype key at any depth, so such keys never reach an object in this API.
 */
export function jsonBodyParser(): RequestHandler {
  return express.json({
    limit: BODY_LIMIT,
    strict: true,
    type: 'application/json',
    reviver(key, value: unknown) {
      if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`${PROTOTYPE_KEY_ERROR} "${key}"`);
      return value;
    },
  });
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(headers: express.Request['headers']): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

/** A body in any other format than JSON gets 415 instead of being silently ignored. */
export const requireJsonBody: RequestHandler = (request, response, next) => {
  if (METHODS_WITH_BODY.has(request.method) && hasBody(request.headers) && !request.is('application/json')) {
    next(Object.assign(new Error('unsupported media type'), { type: 'media.unsupported' }));
    return;
  }
  next();
};
