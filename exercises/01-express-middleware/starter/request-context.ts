import type { RequestHandler } from 'express';

/** Gives every request an id: reuse a safe incoming X-Request-Id, else make one. */
export const requestId: RequestHandler = (_req, _res, next) => {
  // Not written yet: see exercises/01-express-middleware/README.md.
  next();
};

/** Refuses (415) a request with a body that is not JSON, by handing an error to next(). */
export const requireJson: RequestHandler = (_req, _res, next) => {
  // Not written yet.
  next();
};

/** The order the application mounts them in. */
export const requestContext: RequestHandler[] = [requireJson, requestId];
