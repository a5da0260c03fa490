import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { expectThat, missingExports, probe, type Check, type Grade } from '../src/grading/check.js';

const LESSON = 'docs/lessons/04-middleware-and-lifecycle.md';

/** An app like authlab's: the learner's chain, a JSON parser, two routes, one error handler. */
function buildApp(chain: RequestHandler[]) {
  const seen = { handlerRuns: 0, errorStatus: undefined as number | undefined };
  const app = express();
  app.use(...chain);
  app.use(express.json({ type: () => true }));
  app.all('/echo', (req, res) => {
    seen.handlerRuns += 1;
    res.json({ requestId: res.locals.requestId as unknown, body: req.body as unknown });
  });
  const errorHandler: ErrorRequestHandler = (error: { status?: number }, _req, res, _next) => {
    seen.errorStatus = error.status;
    const statusCode = error.status ?? 500;
    res
      .status(statusCode)
      .set('X-Answered-By', 'error-handler')
      .json({ statusCode, requestId: res.locals.requestId as unknown });
  };
  app.use(errorHandler);
  return { app, seen };
}

const isSafeId = (id: unknown) => typeof id === 'string' && /^[A-Za-z0-9._-]{16,64}$/.test(id);

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, {
    requestId: 'function',
    requireJson: 'function',
    requestContext: 'object',
  });
  if (missing.length > 0) return { checks: missing };
  const requestId = mod.requestId as RequestHandler;
  const requireJson = mod.requireJson as RequestHandler;
  const chain = mod.requestContext as RequestHandler[];

  const checks: Check[] = [];
  const alone = buildApp([requestId]);

  checks.push(
    await probe('requestId gives a request without one a fresh id (X-Request-Id)', async () => {
      const res = await request(alone.app).get('/echo');
      const id = res.headers['x-request-id'];
      return expectThat(
        'requestId gives a request without one a fresh id (X-Request-Id)',
        isSafeId(id),
        () =>
          `the answer's X-Request-Id was ${JSON.stringify(id)}; expected a random id of 16–64 URL-safe characters (crypto.randomUUID())`,
        LESSON,
      );
    }),
  );
  checks.push(
    await probe('two requests get two different ids', async () => {
      const [a, b] = await Promise.all([
        request(alone.app).get('/echo'),
        request(alone.app).get('/echo'),
      ]);
      return expectThat(
        'two requests get two different ids',
        a.headers['x-request-id'] !== b.headers['x-request-id'],
        () =>
          `both answers carried ${JSON.stringify(a.headers['x-request-id'])}: make the id per request, inside the middleware`,
      );
    }),
  );
  checks.push(
    await probe('the handler reads the same id in res.locals.requestId', async () => {
      const res = await request(alone.app).get('/echo');
      return expectThat(
        'the handler reads the same id in res.locals.requestId',
        (res.body as { requestId?: unknown }).requestId !== undefined &&
          (res.body as { requestId?: unknown }).requestId === res.headers['x-request-id'],
        () =>
          `res.locals.requestId was ${JSON.stringify((res.body as { requestId?: unknown }).requestId)}, the header ${JSON.stringify(res.headers['x-request-id'])}`,
      );
    }),
  );
  checks.push(
    await probe('a safe incoming X-Request-Id is kept', async () => {
      const res = await request(alone.app).get('/echo').set('X-Request-Id', 'trace-42.abc_DEF');
      return expectThat(
        'a safe incoming X-Request-Id is kept',
        res.headers['x-request-id'] === 'trace-42.abc_DEF',
        () =>
          `sent "trace-42.abc_DEF", got back ${JSON.stringify(res.headers['x-request-id'])}: keep a caller's id so logs across services line up`,
      );
    }),
  );
  for (const unsafe of ['a'.repeat(200), 'evil id with spaces', '<script>']) {
    const behaviour = `an unsafe incoming id (${unsafe.length > 20 ? '200 characters' : JSON.stringify(unsafe)}) is replaced, not echoed`;
    checks.push(
      await probe(behaviour, async () => {
        const res = await request(alone.app).get('/echo').set('X-Request-Id', unsafe);
        const id = res.headers['x-request-id'];
        return expectThat(
          behaviour,
          id !== unsafe && isSafeId(id),
          () =>
            `got back ${JSON.stringify(id)}: an id copied into headers and logs must be validated (OWASP Logging Cheat Sheet: log injection)`,
        );
      }),
    );
  }
  checks.push(
    await probe('requestId calls next() exactly once', async () => {
      const app = buildApp([requestId]);
      await request(app.app).get('/echo');
      return expectThat(
        'requestId calls next() exactly once',
        app.seen.handlerRuns === 1,
        () => `the route ran ${app.seen.handlerRuns} times for one request`,
      );
    }),
  );

  const jsonOnly = () => buildApp([requireJson]);
  for (const [contentType, label] of [
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
    ['Application/JSON', 'Application/JSON (media types are case-insensitive)'],
  ] as const) {
    const behaviour = `requireJson lets a body sent as ${label} through`;
    checks.push(
      await probe(behaviour, async () => {
        const app = jsonOnly();
        const res = await request(app.app)
          .post('/echo')
          .set('Content-Type', contentType)
          .send('{"a":1}');
        return expectThat(
          behaviour,
          res.status === 200 && app.seen.handlerRuns === 1,
          () =>
            `answered ${res.status}, the route ran ${app.seen.handlerRuns} times: call next() for JSON (RFC 9110 §8.3.1)`,
        );
      }),
    );
  }
  checks.push(
    await probe('requireJson lets a GET without a body through', async () => {
      const app = jsonOnly();
      const res = await request(app.app).get('/echo');
      return expectThat(
        'requireJson lets a GET without a body through',
        res.status === 200 && app.seen.handlerRuns === 1,
        () => `answered ${res.status}: a request without a body has no media type to refuse`,
      );
    }),
  );
  for (const [contentType, label] of [
    ['text/plain', 'text/plain'],
    ['application/x-www-form-urlencoded', 'a urlencoded form (what a cross-site form sends)'],
    ['application/jsonp', 'application/jsonp (a prefix is not a match)'],
    [undefined, 'no Content-Type at all'],
  ] as const) {
    const behaviour = `requireJson refuses a body sent as ${label} with 415 through next(error)`;
    checks.push(
      await probe(behaviour, async () => {
        const app = jsonOnly();
        let req = request(app.app).post('/echo');
        if (contentType) req = req.set('Content-Type', contentType);
        else req = req.set('Content-Length', '7');
        const res = await (contentType ? req.send('{"a":1}') : req.send(Buffer.from('{"a":1}')));
        const viaHandler = res.headers['x-answered-by'] === 'error-handler';
        return expectThat(
          behaviour,
          res.status === 415 &&
            viaHandler &&
            app.seen.errorStatus === 415 &&
            app.seen.handlerRuns === 0,
          () =>
            app.seen.handlerRuns > 0
              ? `the route ran (answer ${res.status}): the middleware called next() for a body that is not JSON`
              : !viaHandler
                ? `the middleware answered ${res.status} itself: pass an error with status 415 to next(error), so the one error handler writes every error answer`
                : `the error handler received status ${app.seen.errorStatus}, expected 415 (RFC 9110 §15.5.16)`,
        );
      }),
    );
  }

  checks.push(
    await probe(
      'requestContext runs requestId first, so a 415 answer still carries the id',
      async () => {
        const app = buildApp(chain);
        const res = await request(app.app)
          .post('/echo')
          .set('Content-Type', 'text/plain')
          .send('hi');
        const id = res.headers['x-request-id'];
        return expectThat(
          'requestContext runs requestId first, so a 415 answer still carries the id',
          res.status === 415 &&
            isSafeId(id) &&
            (res.body as { requestId?: unknown }).requestId === id,
          () =>
            `the 415 answer carried X-Request-Id ${JSON.stringify(id)} and body requestId ${JSON.stringify((res.body as { requestId?: unknown }).requestId)}: a middleware that fails stops everything after it, so requestId must come before requireJson`,
        );
      },
    ),
  );
  return { checks };
}
