import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_TOKEN_COOKIE } from '@authlab/shared';
import { demoTokens } from './api/demo-accounts.js';
import { startApi, startBaseline } from './api/servers.js';
import {
  claimsOf,
  forgedTokens,
  mintTokens,
  newEcKey,
  newHmacKey,
  type SigningKey,
} from './api/tokens.js';
import type { LoadJob } from './load/load-job.js';
import { TMP_DIR } from './paths.js';
import type { ServerProcess } from './processes/server-process.js';
import type { Scenario } from './suites/throughput.js';

/** The public routes: one without I/O (compared with bare Express), one with a database round trip. */
export const PUBLIC_NO_IO = '/api/meta/routes';
export const PUBLIC_WITH_DB = '/api/health';
export const PROTECTED = '/api/articles';
/**
 * The protected twin of PUBLIC_WITH_DB: one primary-key lookup against `select 1`, both with a
 * small answer, so the pair differs in the token path (passport-jwt, the guards) and little else.
 */
export const PROTECTED_LOOKUP = '/api/auth/me';

/** A file with one header value per line, rotated by the load client. */
function rotation(name: string, header: string, values: string[]): NonNullable<LoadJob['rotate']> {
  const file = path.join(TMP_DIR, `${name}.txt`);
  writeFileSync(file, values.join('\n'));
  return { header, file };
}

const bearer = (tokens: string[]) => tokens.map((token) => `Bearer ${token}`);

/** The tokens as Authorization headers, one per request, in a file named `name`. */
export const bearerRotation = (name: string, tokens: string[]) =>
  rotation(name, 'authorization', bearer(tokens));

/** An API process (the working tree's build unless `script` names another), plus valid tokens for it (claims copied from its own sign-ins). */
export async function startApiWithTokens(
  name: string,
  key: SigningKey,
  env: Record<string, string>,
  count: number,
  script?: string,
) {
  const api = await startApi(name, { ...key.env, ...env }, script);
  const claims = claimsOf(await demoTokens(api.origin));
  return { api, claims, tokens: mintTokens(key, claims, count) };
}

export interface Fixtures {
  servers: ServerProcess[];
  scenarios: Scenario[];
  /** The traced HS256 API, reused for sign-in measurements. */
  traced: ServerProcess;
  /** Why a scenario was left out, if one was. */
  notes: string[];
}

/** Starts every server the throughput table needs and describes the scenarios run against them. */
export async function startFixtures(tokenCount: number): Promise<Fixtures> {
  const hs256 = newHmacKey();
  const [traced, untraced, es256] = await Promise.all([
    startApiWithTokens('api (tracing on)', hs256, { TRACING: 'on' }, tokenCount),
    startApiWithTokens('api (tracing off)', hs256, { TRACING: 'off' }, tokenCount),
    startApiWithTokens('api ES256', newEcKey(), { TRACING: 'on' }, tokenCount),
  ]);

  // The baselines answer with exactly the JSON the API gives, captured once.
  const publicJson = path.join(TMP_DIR, 'public.json');
  const articlesJson = path.join(TMP_DIR, 'articles.json');
  writeFileSync(publicJson, await (await fetch(traced.api.origin + PUBLIC_NO_IO)).text());
  const articles = await fetch(traced.api.origin + PROTECTED, {
    headers: { authorization: `Bearer ${traced.tokens[0]}` },
  });
  writeFileSync(articlesJson, await articles.text());
  const secret = hs256.env.JWT_SECRET!;
  const [bare, withMiddleware, studentBuffer, studentKeyObject] = await Promise.all([
    startBaseline('express bare', 'express-bare.js', {
      PUBLIC_JSON_FILE: publicJson,
      PUBLIC_PATH: PUBLIC_NO_IO,
    }),
    startBaseline('express + middleware', 'express-middleware.js', {
      PUBLIC_JSON_FILE: publicJson,
      PUBLIC_PATH: PUBLIC_NO_IO,
    }),
    startBaseline('express + passport-jwt', 'express-passport.js', {
      ARTICLES_JSON_FILE: articlesJson,
      JWT_SECRET: secret,
      SECRET_FORM: 'buffer',
    }),
    startBaseline('express + passport-jwt', 'express-passport.js', {
      ARTICLES_JSON_FILE: articlesJson,
      JWT_SECRET: secret,
      SECRET_FORM: 'keyobject',
    }),
  ]);

  const tracedTokens = bearerRotation('tokens-traced', traced.tokens);
  const scenarios: Scenario[] = [
    {
      id: 'express',
      label: 'Express 5, bare',
      server: bare,
      path: PUBLIC_NO_IO,
      expectedStatus: 200,
    },
    {
      id: 'express-middleware',
      label: "Express 5 + authlab's middleware",
      server: withMiddleware,
      path: PUBLIC_NO_IO,
      expectedStatus: 200,
    },
    {
      id: 'student',
      label: 'Express 5 + passport-jwt, Buffer secret',
      server: studentBuffer,
      path: PROTECTED,
      rotate: tracedTokens,
      expectedStatus: 200,
    },
    {
      id: 'student-keyobject',
      label: 'Express 5 + passport-jwt, KeyObject secret',
      server: studentKeyObject,
      path: PROTECTED,
      rotate: tracedTokens,
      expectedStatus: 200,
    },
    {
      id: 'public',
      label: 'authlab public, tracing off',
      server: untraced.api,
      path: PUBLIC_NO_IO,
      expectedStatus: 200,
    },
    {
      id: 'public-db',
      label: 'authlab public, tracing on',
      server: traced.api,
      path: PUBLIC_WITH_DB,
      expectedStatus: 200,
    },
    {
      id: 'protected',
      label: 'authlab protected HS256, tracing on',
      server: traced.api,
      path: PROTECTED,
      rotate: tracedTokens,
      expectedStatus: 200,
    },
    {
      id: 'protected-me',
      label: 'authlab protected HS256 (one lookup), tracing on',
      server: traced.api,
      path: PROTECTED_LOOKUP,
      rotate: tracedTokens,
      expectedStatus: 200,
    },
    {
      id: 'protected-untraced',
      label: 'authlab protected HS256, tracing off',
      server: untraced.api,
      path: PROTECTED,
      rotate: bearerRotation('tokens-untraced', untraced.tokens),
      expectedStatus: 200,
    },
    {
      id: 'protected-es256',
      label: 'authlab protected ES256, tracing on',
      server: es256.api,
      path: PROTECTED,
      rotate: bearerRotation('tokens-es256', es256.tokens),
      expectedStatus: 200,
    },
    {
      id: 'invalid',
      label: 'authlab invalid token → 401, tracing on',
      server: traced.api,
      path: PROTECTED,
      rotate: bearerRotation('tokens-forged', forgedTokens(hs256, traced.claims, tokenCount)),
      expectedStatus: 401,
    },
  ];

  // Cookie mode: the same tokens in the access-token cookie (a GET needs no CSRF token).
  const notes: string[] = [];
  const cookies = traced.tokens.map((token) => `${ACCESS_TOKEN_COOKIE}=${token}`);
  const cookieCheck = await fetch(traced.api.origin + PROTECTED, {
    headers: { cookie: cookies[0]! },
  });
  if (cookieCheck.status === 200) {
    scenarios.push({
      id: 'cookie',
      label: 'authlab protected HS256 cookie, tracing on',
      server: traced.api,
      path: PROTECTED,
      rotate: rotation('cookies-traced', 'cookie', cookies),
      expectedStatus: 200,
    });
  } else {
    notes.push(
      `Cookie mode left out: a token in the ${ACCESS_TOKEN_COOKIE} cookie was answered ${cookieCheck.status}.`,
    );
  }

  await checkScenarios(scenarios);
  return {
    servers: [
      traced.api,
      untraced.api,
      es256.api,
      bare,
      withMiddleware,
      studentBuffer,
      studentKeyObject,
    ],
    scenarios,
    traced: traced.api,
    notes,
  };
}

/** One request per scenario before any load: a wrong status now would make every figure meaningless. */
async function checkScenarios(scenarios: Scenario[]): Promise<void> {
  for (const scenario of scenarios) {
    const headers: Record<string, string> = {};
    if (scenario.rotate)
      headers[scenario.rotate.header] = readFileSync(scenario.rotate.file, 'utf8').split('\n')[0]!;
    const response = await fetch(scenario.server.origin + scenario.path, { headers });
    if (response.status !== scenario.expectedStatus) {
      throw new Error(
        `${scenario.label}: expected ${scenario.expectedStatus}, got ${response.status}: ${await response.text()}`,
      );
    }
  }
}
