import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

// Near miss: requireJson answers the 415 itself instead of next(error), and the chain is in the wrong order.
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming !== undefined && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
};

export const requireJson: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || /^application\/json\b/i.test(req.get('content-type') ?? ''))
    return next();
  res.status(415).json({ message: 'JSON only' });
};

export const requestContext: RequestHandler[] = [requireJson, requestId];
