import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { expectThat, missingExports, probe, type Check, type Grade } from '../src/grading/check.js';

const LESSON = 'docs/lessons/06-rbac-401-versus-403.md';

type Kind = 'no_credentials' | 'invalid_request' | 'invalid_token' | 'insufficient_scope';

const failure = (kind: Kind, message: string, requiredScope?: string) =>
  Object.assign(new Error(message), { kind, requiredScope });

interface Case {
  behaviour: string;
  error: Error;
  status: number;
  errorCode?: string;
  scope?: string;
  rule: string;
}

const CASES: Case[] = [
  {
    behaviour: 'no credentials: 401 with a Bearer challenge and no error code',
    error: failure('no_credentials', 'Sign in first.'),
    status: 401,
    rule: 'RFC 6750 §3.1: "If the request lacks any authentication information … the resource server SHOULD NOT include an error code"',
  },
  {
    behaviour: 'malformed request: 400 with error="invalid_request"',
    error: failure('invalid_request', 'Send one Authorization header.'),
    status: 400,
    errorCode: 'invalid_request',
    rule: 'RFC 6750 §3.1: invalid_request is 400 Bad Request',
  },
  {
    behaviour: 'bad or expired token: 401 with error="invalid_token"',
    error: failure('invalid_token', 'The token expired.'),
    status: 401,
    errorCode: 'invalid_token',
    rule: 'RFC 6750 §3.1: invalid_token is 401 Unauthorized',
  },
  {
    behaviour: 'missing permission: 403 with error="insufficient_scope" and scope=',
    error: failure('insufficient_scope', 'Editors only.', 'articles:write'),
    status: 403,
    errorCode: 'insufficient_scope',
    scope: 'articles:write',
    rule: 'RFC 6750 §3.1: insufficient_scope is 403 Forbidden and may name the scope needed; RFC 9110 §15.5.4: the caller is known, re-authenticating will not help',
  },
];

// RFC 6750 §3: challenge = "Bearer" [ 1*SP 1#auth-param ], each value a quoted string of
// %x20-21 / %x23-5B / %x5D-7E (no quote, no backslash).
const CHALLENGE =
  /^Bearer(?: [a-z_]+="[\x20\x21\x23-\x5B\x5D-\x7E]*"(?:, [a-z_]+="[\x20\x21\x23-\x5B\x5D-\x7E]*")*)?$/;

function parseChallenge(header: unknown): Record<string, string> | undefined {
  if (typeof header !== 'string' || !CHALLENGE.test(header)) return undefined;
  return Object.fromEntries(
    [...header.matchAll(/([a-z_]+)="([^"]*)"/g)].map((match): [string, string] => [
      match[1] ?? '',
      match[2] ?? '',
    ]),
  );
}

function buildApp(handler: ErrorRequestHandler, error: Error) {
  const app = express();
  app.get('/fail', () => {
    throw error;
  });
  app.use(handler);
  return app;
}

const hasOneErrorShape = (body: unknown, status: number) =>
  typeof body === 'object' &&
  body !== null &&
  (body as { statusCode?: unknown }).statusCode === status &&
  typeof (body as { error?: unknown }).error === 'string' &&
  typeof (body as { message?: unknown }).message === 'string';

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, { authErrorHandler: 'function' });
  if (missing.length > 0) return { checks: missing };
  const handler = mod.authErrorHandler as ErrorRequestHandler;
  const checks: Check[] = [];

  for (const testCase of CASES) {
    checks.push(
      await probe(testCase.behaviour, async () => {
        const res = await request(buildApp(handler, testCase.error)).get('/fail');
        const header = res.headers['www-authenticate'];
        const params = parseChallenge(header);
        const problems: string[] = [];
        if (res.status !== testCase.status)
          problems.push(`status ${res.status}, expected ${testCase.status}`);
        if (!params)
          problems.push(`WWW-Authenticate was ${JSON.stringify(header)}, not a Bearer challenge`);
        else {
          if (params.error !== testCase.errorCode) {
            problems.push(
              testCase.errorCode
                ? `error=${JSON.stringify(params.error)}, expected "${testCase.errorCode}"`
                : `it carries error="${params.error}"`,
            );
          }
          if (testCase.scope && params.scope !== testCase.scope) {
            problems.push(`scope=${JSON.stringify(params.scope)}, expected "${testCase.scope}"`);
          }
        }
        return expectThat(
          testCase.behaviour,
          problems.length === 0,
          () => `${problems.join('; ')} — ${testCase.rule}`,
          LESSON,
        );
      }),
    );
  }

  checks.push(
    await probe(
      'every auth answer has the one JSON error shape { statusCode, error, message }',
      async () => {
        const shapes = await Promise.all(
          CASES.map(async (testCase) => {
            const res = await request(buildApp(handler, testCase.error)).get('/fail');
            return {
              status: res.status,
              ok:
                hasOneErrorShape(res.body, res.status) &&
                /json/.test(res.headers['content-type'] ?? ''),
              body: res.text,
            };
          }),
        );
        const wrong = shapes.find((shape) => !shape.ok);
        return expectThat(
          'every auth answer has the one JSON error shape { statusCode, error, message }',
          wrong === undefined,
          () =>
            `the ${wrong?.status} answer was ${wrong?.body.slice(0, 120)}: clients read one shape for every error`,
        );
      },
    ),
  );

  const hostile = failure('invalid_token', 'bad "quoted" \\ token\r\nSet-Cookie: x=1');
  checks.push(
    await probe(
      'a description with quotes, backslashes and a line break still gives a valid header',
      async () => {
        const res = await request(buildApp(handler, hostile)).get('/fail');
        const params = parseChallenge(res.headers['www-authenticate']);
        return expectThat(
          'a description with quotes, backslashes and a line break still gives a valid header',
          res.status === 401 &&
            params?.error === 'invalid_token' &&
            res.headers['set-cookie'] === undefined,
          () =>
            `answered ${res.status} with WWW-Authenticate ${JSON.stringify(res.headers['www-authenticate'])}: RFC 6750 §3 allows only %x20-21 / %x23-5B / %x5D-7E in error_description — drop or replace the rest (a raw line break makes Node throw, or worse, splits the header)`,
        );
      },
    ),
  );

  const internal = new Error('connect ECONNREFUSED 10.0.0.5:5432 (password=hunter2)');
  checks.push(
    await probe('an unknown error: 500, no challenge, no internal message or stack', async () => {
      const res = await request(buildApp(handler, internal)).get('/fail');
      const leaks =
        res.text.includes('ECONNREFUSED') ||
        res.text.includes('hunter2') ||
        /\n\s+at /.test(res.text);
      return expectThat(
        'an unknown error: 500, no challenge, no internal message or stack',
        res.status === 500 &&
          res.headers['www-authenticate'] === undefined &&
          !leaks &&
          hasOneErrorShape(res.body, 500),
        () =>
          `answered ${res.status}, WWW-Authenticate ${JSON.stringify(res.headers['www-authenticate'])}, body ${res.text.slice(0, 160)} — OWASP Error Handling Cheat Sheet: a generic message, the details only in the server's log`,
      );
    }),
  );
  return { checks };
}
