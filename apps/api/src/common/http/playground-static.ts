import path from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the built playground from the API's own origin, so cookies behave as in production.
 * Any GET for a page that is not an API path falls back to index.html (client-side routing).
 */
export function servePlayground(app: Express, directory: string): void {
  app.use(express.static(directory, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  app.use((request, response, next) => {
    const apiPath = request.path.startsWith('/api') || request.path.startsWith('/.well-known');
    if (request.method !== 'GET' || apiPath || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(path.join(directory, 'index.html'));
  });
}

/** Hashed assets may be cached; index.html must be revalidated so a new build is picked up. */
function noCacheForHtml(response: express.Response, file: string): void {
  if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
