import { ACCESS_TOKEN_COOKIE, CSRF_COOKIE, CSRF_HEADER } from '@authlab/shared';
import cookieParser from 'cookie-parser';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { expectThat, missingExports, probe, type Check, type Grade } from '../src/grading/check.js';

const LESSON = 'docs/lessons/07-cookies-and-csrf.md';
const ORIGIN = 'https://app.authlab.test';
const SECRET = 'grader-secret-0123456789abcdef';
const SESSION = 'session-ada-42';

type Issue = (sessionId: string, secret: string) => unknown;
type Check7 = (options: { allowedOrigins: string[]; secret: string }) => RequestHandler;

function buildApp(csrfCheck: Check7) {
  const seen = { runs: 0 };
  const app = express();
  app.use(cookieParser());
  app.use(csrfCheck({ allowedOrigins: [ORIGIN], secret: SECRET }));
  app.all('/articles', (_req, res) => {
    seen.runs += 1;
    res.json({ ok: true });
  });
  const errorHandler: ErrorRequestHandler = (
    error: { status?: number; statusCode?: number },
    _req,
    res,
    _next,
  ) => {
    res.status(error.status ?? error.statusCode ?? 500).json({ refused: true });
  };
  app.use(errorHandler);
  return { app, seen };
}

interface Attempt {
  method?: 'get' | 'post' | 'delete';
  session?: string | null;
  cookieToken?: string;
  headerToken?: string;
  site?: string;
  origin?: string;
  bearer?: boolean;
}

interface Case {
  behaviour: string;
  attempt: (tokens: {
    mine: string;
    mineAgain: string;
    otherSession: string;
    otherSecret: string;
  }) => Attempt;
  allowed: boolean;
  rule: string;
}

const CASES: Case[] = [
  {
    behaviour: 'a same-origin POST with the matching signed token gets through',
    attempt: ({ mine }) => ({
      cookieToken: mine,
      headerToken: mine,
      site: 'same-origin',
      origin: ORIGIN,
    }),
    allowed: true,
    rule: "the API's own page must keep working",
  },
  {
    behaviour:
      'a POST with the token but no Sec-Fetch-Site or Origin (an older client) gets through',
    attempt: ({ mine }) => ({ cookieToken: mine, headerToken: mine }),
    allowed: true,
    rule: 'missing Fetch Metadata is not proof of an attack; the signed token decides',
  },
  {
    behaviour: 'a cross-site GET is let through (safe method)',
    attempt: () => ({ method: 'get', site: 'cross-site', origin: 'https://evil.example' }),
    allowed: true,
    rule: 'RFC 9110 §9.2.1: safe methods must not change state, so there is nothing to forge',
  },
  {
    behaviour: 'a POST authenticated by a bearer header, not a cookie, is let through',
    attempt: () => ({ session: null, bearer: true, site: 'cross-site' }),
    allowed: true,
    rule: 'CSRF rides on ambient credentials (cookies); a page on another site cannot set your Authorization header',
  },
  {
    behaviour: 'Sec-Fetch-Site: cross-site is refused, even with the token',
    attempt: ({ mine }) => ({ cookieToken: mine, headerToken: mine, site: 'cross-site' }),
    allowed: false,
    rule: 'OWASP CSRF Cheat Sheet, Fetch Metadata: refuse cross-site state-changing requests',
  },
  {
    behaviour: 'Sec-Fetch-Site: same-site (a sibling subdomain) is refused',
    attempt: ({ mine }) => ({ cookieToken: mine, headerToken: mine, site: 'same-site' }),
    allowed: false,
    rule: 'a sibling subdomain is another origin; only same-origin pages may change state',
  },
  {
    behaviour: 'Origin https://evil.example is refused',
    attempt: ({ mine }) => ({
      cookieToken: mine,
      headerToken: mine,
      origin: 'https://evil.example',
    }),
    allowed: false,
    rule: 'OWASP CSRF Cheat Sheet: verify the origin with standard headers',
  },
  {
    behaviour: 'an Origin that only starts with the allowed one is refused',
    attempt: ({ mine }) => ({
      cookieToken: mine,
      headerToken: mine,
      origin: `${ORIGIN}.evil.example`,
    }),
    allowed: false,
    rule: 'RFC 6454 §7: compare the whole serialized origin, not a prefix',
  },
  {
    behaviour: 'Origin: null is refused',
    attempt: ({ mine }) => ({ cookieToken: mine, headerToken: mine, origin: 'null' }),
    allowed: false,
    rule: 'sandboxed frames and some redirects send "null"; it is not an allowed origin',
  },
  {
    behaviour: 'a POST without the X-CSRF-Token header is refused',
    attempt: ({ mine }) => ({ cookieToken: mine }),
    allowed: false,
    rule: 'double-submit: a cross-site form can send the cookie, never the header',
  },
  {
    behaviour: 'a POST with the header but no CSRF cookie is refused',
    attempt: ({ mine }) => ({ headerToken: mine }),
    allowed: false,
    rule: 'double-submit: the header must match the cookie',
  },
  {
    behaviour: 'a cookie and header that differ are refused',
    attempt: ({ mine, mineAgain }) => ({ cookieToken: mine, headerToken: mineAgain }),
    allowed: false,
    rule: 'double-submit: the header must equal the cookie',
  },
  {
    behaviour: 'an attacker-chosen cookie/header pair (not signed) is refused',
    attempt: () => ({ cookieToken: 'attacker-chosen', headerToken: 'attacker-chosen' }),
    allowed: false,
    rule: 'OWASP CSRF Cheat Sheet: a plain double-submit cookie can be planted from a sibling subdomain or over HTTP — sign the token with HMAC',
  },
  {
    behaviour: 'a token signed for another session is refused',
    attempt: ({ otherSession }) => ({ cookieToken: otherSession, headerToken: otherSession }),
    allowed: false,
    rule: 'OWASP "Signed Double-Submit Cookie": bind the HMAC to the session, so the attacker\'s own valid token does not work on yours',
  },
  {
    behaviour: 'a token signed with another secret is refused',
    attempt: ({ otherSecret }) => ({ cookieToken: otherSecret, headerToken: otherSecret }),
    allowed: false,
    rule: "verify the HMAC with the server's secret",
  },
  {
    behaviour: 'a tampered token is refused',
    attempt: ({ mine }) => {
      const tampered = `${mine.slice(0, -2)}${mine.endsWith('AA') ? 'BB' : 'AA'}`;
      return { cookieToken: tampered, headerToken: tampered };
    },
    allowed: false,
    rule: 'verify the HMAC on every request',
  },
  {
    behaviour: 'a DELETE is checked like a POST',
    attempt: () => ({ method: 'delete', site: 'cross-site' }),
    allowed: false,
    rule: 'every unsafe method changes state',
  },
];

async function send(app: express.Express, attempt: Attempt) {
  let req = request(app)[attempt.method ?? 'post']('/articles');
  const cookies: string[] = [];
  if (attempt.session !== null)
    cookies.push(`${ACCESS_TOKEN_COOKIE}=${attempt.session ?? SESSION}`);
  if (attempt.cookieToken !== undefined)
    cookies.push(`${CSRF_COOKIE}=${encodeURIComponent(attempt.cookieToken)}`);
  if (cookies.length > 0) req = req.set('Cookie', cookies.join('; '));
  if (attempt.headerToken !== undefined) req = req.set(CSRF_HEADER, attempt.headerToken);
  if (attempt.site) req = req.set('Sec-Fetch-Site', attempt.site);
  if (attempt.origin) req = req.set('Origin', attempt.origin);
  if (attempt.bearer) req = req.set('Authorization', 'Bearer abc.def.ghi');
  return req;
}

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, { issueCsrfToken: 'function', csrfCheck: 'function' });
  if (missing.length > 0) return { checks: missing };
  const issue = mod.issueCsrfToken as Issue;
  const csrfCheck = mod.csrfCheck as Check7;
  const checks: Check[] = [];
  const token = (session: string, secret: string) => String(issue(session, secret));
  const tokens = {
    mine: token(SESSION, SECRET),
    mineAgain: token(SESSION, SECRET),
    otherSession: token('session-mallory-7', SECRET),
    otherSecret: token(SESSION, 'another-secret-fedcba9876543210'),
  };
  checks.push(
    expectThat(
      'issueCsrfToken gives a fresh, unguessable token each time',
      tokens.mine !== tokens.mineAgain &&
        tokens.mine.length >= 32 &&
        !tokens.mine.includes(SESSION),
      () =>
        `two tokens for the same session were ${JSON.stringify(tokens.mine)} and ${JSON.stringify(tokens.mineAgain)} — OWASP: a random value (at least 128 bits) and its HMAC, not the session id itself`,
      LESSON,
    ),
  );
  for (const testCase of CASES) {
    checks.push(
      await probe(testCase.behaviour, async () => {
        const { app, seen } = buildApp(csrfCheck);
        const res = await send(app, testCase.attempt(tokens));
        const passed = testCase.allowed
          ? res.status === 200 && seen.runs === 1
          : res.status === 403 && seen.runs === 0;
        return expectThat(
          testCase.behaviour,
          passed,
          () =>
            `${testCase.allowed ? 'expected it through' : 'expected 403'}, got ${res.status} with the route run ${seen.runs} time(s) — ${testCase.rule}`,
          LESSON,
        );
      }),
    );
  }
  return { checks };
}
