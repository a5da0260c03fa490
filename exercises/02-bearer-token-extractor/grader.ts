import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectThat, missingExports, probe, type Check, type Grade } from '../src/grading/check.js';

const LESSON = 'docs/lessons/01-bearer-tokens.md';
const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZGEifQ.sig-_~+/==';

type Extract = (req: IncomingMessage) => unknown;

interface Case {
  behaviour: string;
  path?: string;
  authorization?: string | string[];
  expect: { kind: 'token'; token: string } | { kind: 'none' } | { kind: 'invalid' };
  rule: string;
}

const CASES: Case[] = [
  {
    behaviour: 'finds the token in "Bearer <token>" (all b64token characters)',
    authorization: `Bearer ${TOKEN}`,
    expect: { kind: 'token', token: TOKEN },
    rule: 'RFC 6750 §2.1: b64token is ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" then "="s',
  },
  {
    behaviour: 'reads the scheme case-insensitively ("bearer", "BEARER")',
    authorization: 'bearer abc.def',
    expect: { kind: 'token', token: 'abc.def' },
    rule: 'RFC 9110 §11.1: the auth-scheme is case-insensitive',
  },
  {
    behaviour: 'reads the scheme case-insensitively ("BEARER")',
    authorization: 'BEARER abc.def',
    expect: { kind: 'token', token: 'abc.def' },
    rule: 'RFC 9110 §11.1: the auth-scheme is case-insensitive',
  },
  {
    behaviour: 'answers "none" without an Authorization header',
    expect: { kind: 'none' },
    rule: 'RFC 6750 §3.1: a request without credentials is not malformed; it gets 401 without an error code',
  },
  {
    behaviour: 'answers "none" for another scheme (Basic)',
    authorization: 'Basic YWRhOnB3',
    expect: { kind: 'none' },
    rule: 'another scheme carries no bearer token; it is not a malformed bearer request',
  },
  {
    behaviour: 'refuses "Bearer" with no token',
    authorization: 'Bearer',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §2.1: the token is required (1*b64token)',
  },
  {
    behaviour: 'refuses two spaces after the scheme',
    authorization: 'Bearer  abc',
    expect: { kind: 'invalid' },
    rule: 'exactly one space separates scheme and token; the API refuses anything else',
  },
  {
    behaviour: 'refuses a tab instead of the space',
    authorization: 'Bearer\tabc',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §2.1: the separator is SP',
  },
  {
    behaviour: 'refuses two tokens ("Bearer abc def")',
    authorization: 'Bearer abc def',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §2.1: exactly one b64token',
  },
  {
    behaviour: 'refuses "=" before the end of the token',
    authorization: 'Bearer ab=cd',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §2.1: "=" may only pad the end of a b64token',
  },
  {
    behaviour: 'refuses characters outside b64token (a quote, a comma)',
    authorization: 'Bearer abc",def',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §2.1: b64token syntax',
  },
  {
    behaviour: 'refuses two Authorization headers',
    authorization: ['Bearer abc', 'Bearer def'],
    expect: { kind: 'invalid' },
    rule: "RFC 9110 §5.3 and RFC 6750 §3.1: a field that is not a list must appear once; Node's req.headers silently keeps the first — read req.rawHeaders",
  },
  {
    behaviour: 'refuses a token in the query string (?access_token=)',
    path: '/?access_token=abc',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §2.3 and §5.3: tokens in URLs leak into logs and Referer headers; the API refuses them',
  },
  {
    behaviour: 'refuses a header token and a query token together',
    path: '/?access_token=abc',
    authorization: 'Bearer abc',
    expect: { kind: 'invalid' },
    rule: 'RFC 6750 §3.1: invalid_request when a request uses more than one method to carry a token',
  },
];

async function listen(extract: Extract): Promise<Server> {
  const server = createServer((req, res) => {
    let answer: unknown;
    try {
      answer = extract(req);
    } catch (error) {
      answer = { threw: error instanceof Error ? error.message : String(error) };
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(answer ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function send(server: Server, path: string, authorization?: string | string[]): Promise<unknown> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    // An array sends one header line per value, as a confused proxy or an attacker would.
    if (authorization !== undefined) req.setHeader('Authorization', authorization);
    req.on('error', reject);
    req.end();
  });
}

function judged(answer: unknown, expected: Case['expect']): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const got = answer as { kind?: unknown; token?: unknown };
  if (got.kind !== expected.kind) return false;
  return expected.kind !== 'token' || got.token === expected.token;
}

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, { extractBearerToken: 'function' });
  if (missing.length > 0) return { checks: missing };
  const server = await listen(mod.extractBearerToken as Extract);
  const checks: Check[] = [];
  try {
    for (const testCase of CASES) {
      checks.push(
        await probe(testCase.behaviour, async () => {
          const answer = await send(server, testCase.path ?? '/', testCase.authorization);
          return expectThat(
            testCase.behaviour,
            judged(answer, testCase.expect),
            () =>
              `for ${describeRequest(testCase)} it answered ${JSON.stringify(answer)}, expected kind "${testCase.expect.kind}"${
                testCase.expect.kind === 'token' ? ` with token "${testCase.expect.token}"` : ''
              } — ${testCase.rule}`,
            LESSON,
          );
        }),
      );
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return { checks };
}

function describeRequest(testCase: Case): string {
  const headers = [testCase.authorization ?? []]
    .flat()
    .map((value) => `Authorization: ${JSON.stringify(value)}`);
  return [`GET ${testCase.path ?? '/'}`, ...headers].join(', ');
}
