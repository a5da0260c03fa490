import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

// An id we echo into a response header and logs must be short and plain (no CR/LF, no spaces).
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
};

// RFC 9110 §8.3.1: the media type is case-insensitive and may carry parameters (charset).
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody =
    (req.get('content-length') ?? '0') !== '0' || req.get('transfer-encoding') !== undefined;
  if (!hasBody || JSON_MEDIA_TYPE.test(req.get('content-type') ?? '')) return next();
  // RFC 9110 §15.5.16: 415 Unsupported Media Type; the application's error handler writes it.
  next(Object.assign(new Error('Send the body as application/json.'), { status: 415 }));
};

// requestId first: every answer, including requireJson's 415, then carries the id.
export const requestContext: RequestHandler[] = [requestId, requireJson];
