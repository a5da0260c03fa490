import path from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the built playground from the API's own origin, so cookies behave as in production.
 * Any GET for a page that is not an API path falls back to index.html (client-side routing).
 */
export function servePlayground(app: Express, directory: string): void {
  const serveFiles = express.static(directory, {
    index: 'index.html',
    maxAge: '1h',
    setHeaders: noCacheForHtml,
  });
  // API paths never name a file: skip the file-system lookup (a stat on the thread pool) for them.
  app.use((request, response, next) =>
    isApiPath(request.path) ? next() : serveFiles(request, response, next),
  );
  app.use((request, response, next) => {
    if (request.method !== 'GET' || isApiPath(request.path) || !request.accepts('html'))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(path.join(directory, 'index.html'));
  });
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/.well-known/');
}

/** Hashed assets may be cached; index.html must be revalidated so a new build is picked up. */
function noCacheForHtml(response: express.Response, file: string): void {
  if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
