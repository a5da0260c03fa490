import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

// Near miss: Fetch Metadata and Origin checked, but a plain (unsigned) double-submit cookie.
export function issueCsrfToken(_sessionId: string, _secret: string): string {
  return randomBytes(32).toString('base64url');
}

export function csrfCheck({
  allowedOrigins,
}: {
  allowedOrigins: string[];
  secret: string;
}): RequestHandler {
  return (req, _res, next) => {
    const cookies = (req.cookies ?? {}) as Record<string, string>;
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || !cookies.authlab_access) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const fromHere =
      (site === undefined || site === 'same-origin') &&
      (origin === undefined || allowedOrigins.includes(origin));
    const token = cookies.authlab_csrf;
    if (fromHere && token !== undefined && token === req.get('x-csrf-token')) return next();
    next(Object.assign(new Error('refused'), { status: 403 }));
  };
}
