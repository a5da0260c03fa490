import cookieParser from 'cookie-parser';
import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  CSRF_HEADER,
  PLAYGROUND_BACKGROUND_HEADER,
  PLAYGROUND_SESSION_HEADER,
} from '@authlab/shared';
import type { AppConfig } from '../../config/app-config.js';
import { traced } from '../../trace/traced-middleware.js';
import { traceMiddleware } from '../../trace/trace.middleware.js';
import type { TraceStore } from '../../trace/trace-store.js';
import { allowedHostMiddleware } from './allowed-host.middleware.js';
import { AllowedHosts } from './allowed-hosts.js';
import { formBodyParser } from './form-body.js';
import { FORM_ROUTES, jsonBodyParser, requireJsonBody } from './json-body.js';
import { noStoreMiddleware } from './no-store.middleware.js';
import { servePlayground } from './playground-static.js';
import { requestLogger } from './request-logger.middleware.js';

/** HSTS and upgrade-insecure-requests only where the site is served over HTTPS: in production. */
function helmetOptions(config: AppConfig): HelmetOptions {
  if (config.environment === 'production') return {};
  return {
    strictTransportSecurity: false,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  };
}

function describeCors(
  config: AppConfig,
  hosts: AllowedHosts,
): (request: Request, response: Response) => string {
  return (request, response) => {
    const origin = request.headers.origin;
    if (!origin)
      return 'No Origin header: a same-origin or non-browser request, so CORS does not apply.';
    const own = config.publicOrigin
      ? origin === config.publicOrigin
      : hosts.isOwnOrigin(origin, request.protocol, request.socket.localPort);
    if (own) {
      return `Origin ${origin} is this API's own origin: a same-origin request, so CORS does not apply.`;
    }
    return response.getHeader('Access-Control-Allow-Origin')
      ? `Origin ${origin} is allowed: CORS headers sent, with credentials.`
      : `Origin ${origin} is not allowed: no CORS headers, so the browser will not let that page read the answer.`;
  };
}

function describeBody(request: Request): string {
  const length = request.headers['content-length'];
  return request.body === undefined
    ? 'No JSON body to parse.'
    : `Parsed ${length ?? 'a chunked'} bytes of JSON.`;
}

/**
 * The Express middleware chain, in the order every request meets it. Each one is wrapped by
 * traced(), so a trace shows what it did; the trace middleware itself comes first.
 */
export function installMiddlewareChain(
  app: NestExpressApplication,
  config: AppConfig,
  store: TraceStore | undefined,
): void {
  const logsRequests = config.logLevels.includes('verbose');
  const hosts = new AllowedHosts(config.allowedHosts, config.publicOrigin);
  const steps: Array<
    [
      path: string,
      step: string,
      middleware: RequestHandler,
      describe?: (req: Request, res: Response) => string,
    ]
  > = [
    [
      '/',
      'allowedHost',
      allowedHostMiddleware(hosts),
      (request) => `Host ${request.headers.host ?? '(none)'} is a name this API answers to.`,
    ],
    [
      '/',
      'requestLogger',
      requestLogger(logsRequests),
      () =>
        logsRequests
          ? 'Will log the request when it finishes.'
          : 'Request logging is off below LOG_LEVEL=verbose.',
    ],
    [
      '/',
      'helmet',
      helmet(helmetOptions(config)),
      () =>
        'Set the security headers (Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy…).',
    ],
    [
      '/',
      'cors',
      // Decided per request: a foreign origin gets no CORS header at all — with a fixed
      // `credentials: true` the cors package would still send Access-Control-Allow-Credentials.
      cors((request, decide) => {
        const origin = request.headers.origin;
        decide(null, {
          origin: config.corsOrigins,
          credentials: origin !== undefined && config.corsOrigins.includes(origin),
          allowedHeaders: [
            'Authorization',
            'Content-Type',
            PLAYGROUND_SESSION_HEADER,
            PLAYGROUND_BACKGROUND_HEADER,
            CSRF_HEADER,
          ],
          exposedHeaders: ['X-Trace-Id', 'WWW-Authenticate'],
          maxAge: 600,
        });
      }),
      describeCors(config, hosts),
    ],
    ['/api', 'noStore', noStoreMiddleware, () => 'Marked the answer Cache-Control: no-store.'],
    // Names only: cookie values are credentials and never enter a trace.
    [
      '/',
      'cookieParser',
      cookieParser(),
      (req) =>
        `Read the cookies: ${Object.keys((req.cookies ?? {}) as object).join(', ') || 'none'}.`,
    ],
    [
      '/',
      'requireJsonBody',
      requireJsonBody,
      (req) =>
        req.headers['content-type'] ? `The body is ${req.headers['content-type']}.` : 'No body.',
    ],
    ...[...FORM_ROUTES].map((path): (typeof steps)[number] => [
      path,
      'formBodyParser',
      formBodyParser(),
      (req) =>
        `Read the form fields: ${Object.keys((req.body ?? {}) as object).join(', ') || 'none'}.`,
    ]),
    ['/', 'jsonBodyParser', jsonBodyParser(), describeBody],
  ];

  app.disable('x-powered-by');
  // res.send() writes only API answers: those under /api are marked no-store, so no cache keeps
  // one to revalidate, and an ETag (a SHA-1 of the whole body, per request) would be wasted work.
  // The playground's files keep theirs: express.static does not read this setting.
  app.set('etag', false);
  app.use(traceMiddleware(store));
  for (const [path, step, middleware, describe] of steps)
    app.use(path, traced(step, middleware, describe));
  if (config.playgroundDir)
    servePlayground(app.getHttpAdapter().getInstance(), config.playgroundDir);
}
