import type { NextFunction, Request, Response } from 'express';

/**
 * API answers carry tokens and personal data: no cache, shared or private, may keep them
 * (RFC 6749 §5.1, RFC 9111 §5.2.2.5). A route that is safe to cache sets its own header.
 */
export function noStoreMiddleware(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
