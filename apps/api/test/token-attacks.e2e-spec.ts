import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacKeys } from '../src/auth/tokens/signing-keys.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  signWith,
  unsignedToken,
  validClaims,
  validHeader,
  withPayload,
} from './support/tokens.js';
import { signInOneOfEachRole, type SignedInUser } from './support/users.js';

const CHALLENGE = 'Bearer realm="authlab"';
const INVALID = `${CHALLENGE}, error="invalid_token", error_description="The access token is invalid"`;
const EXPIRED = `${CHALLENGE}, error="invalid_token", error_description="The access token has expired"`;

interface Attack {
  name: string;
  authorization: (ctx: { testApp: TestApp; user: SignedInUser }) => string | undefined;
  status: number;
  challenge: string;
}

const claimsOf = ({ testApp, user }: { testApp: TestApp; user: SignedInUser }) =>
  validClaims(testApp.config, user);
const headerOf = ({ testApp }: { testApp: TestApp }) => validHeader(testApp.keys);

const ATTACKS: Attack[] = [
  {
    name: 'no Authorization header',
    authorization: () => undefined,
    status: 401,
    challenge: CHALLENGE,
  },
  {
    name: 'another scheme (Basic)',
    authorization: () => 'Basic YWRtaW46YWRtaW4=',
    status: 401,
    challenge: CHALLENGE,
  },
  {
    name: 'expired token',
    authorization: (ctx) => {
      const now = Math.floor(Date.now() / 1000);
      return `Bearer ${signWith(ctx.testApp.keys, headerOf(ctx), { ...claimsOf(ctx), iat: now - 1000, exp: now - 37 })}`;
    },
    status: 401,
    challenge: EXPIRED,
  },
  {
    name: 'tampered payload (role raised to admin, signature kept)',
    authorization: (ctx) =>
      `Bearer ${withPayload(ctx.user.token, { ...claimsOf(ctx), role: 'admin' })}`,
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'signed with another secret',
    authorization: (ctx) => {
      const attacker = { ...hmacKeys(randomBytes(32)), kid: ctx.testApp.keys.kid };
      return `Bearer ${signWith(attacker, headerOf(ctx), { ...claimsOf(ctx), role: 'admin' })}`;
    },
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'alg: none',
    authorization: (ctx) =>
      `Bearer ${unsignedToken(headerOf(ctx), { ...claimsOf(ctx), role: 'admin' })}`,
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'wrong audience',
    authorization: (ctx) =>
      `Bearer ${signWith(ctx.testApp.keys, headerOf(ctx), { ...claimsOf(ctx), aud: 'another-api' })}`,
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'wrong issuer',
    authorization: (ctx) =>
      `Bearer ${signWith(ctx.testApp.keys, headerOf(ctx), { ...claimsOf(ctx), iss: 'https://evil.example' })}`,
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'no exp claim (would never expire)',
    authorization: (ctx) => {
      const { exp: _exp, ...claims } = claimsOf(ctx);
      return `Bearer ${signWith(ctx.testApp.keys, headerOf(ctx), claims)}`;
    },
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'a role claim that is not a known role ("constructor")',
    authorization: (ctx) =>
      `Bearer ${signWith(ctx.testApp.keys, headerOf(ctx), { ...claimsOf(ctx), role: 'constructor' })}`,
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'typ: JWT instead of at+jwt (not an access token)',
    authorization: (ctx) =>
      `Bearer ${signWith(ctx.testApp.keys, { ...headerOf(ctx), typ: 'JWT' }, claimsOf(ctx))}`,
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'unknown kid',
    authorization: (ctx) =>
      `Bearer ${signWith(ctx.testApp.keys, { ...headerOf(ctx), kid: '../../dev/null' }, claimsOf(ctx))}`,
    status: 401,
    challenge: INVALID,
  },
  ...(['jku', 'x5u', 'jwk', 'x5c', 'crit'] as const).map((field): Attack => ({
    name: `header field "${field}" (key chosen by the token)`,
    authorization: (ctx) => {
      const value =
        field === 'jwk'
          ? { kty: 'oct', k: 'AAAA' }
          : field === 'crit' || field === 'x5c'
            ? ['exp']
            : 'https://evil.example/keys';
      return `Bearer ${signWith(ctx.testApp.keys, { ...headerOf(ctx), [field]: value }, claimsOf(ctx))}`;
    },
    status: 401,
    challenge: INVALID,
  })),
  {
    name: 'not a JWT at all',
    authorization: () => 'Bearer not-a-jwt',
    status: 401,
    challenge: INVALID,
  },
  {
    name: 'malformed header: Bearer without a token',
    authorization: () => 'Bearer',
    status: 400,
    challenge: `${CHALLENGE}, error="invalid_request", error_description="The Bearer scheme needs a token after it"`,
  },
  {
    name: 'malformed header: two tokens',
    authorization: (ctx) => `Bearer ${ctx.user.token} ${ctx.user.token}`,
    status: 400,
    challenge: `${CHALLENGE}, error="invalid_request", error_description="The bearer token contains characters a token cannot have"`,
  },
];

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `forged and broken tokens on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let user: SignedInUser;

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
        user = (await signInOneOfEachRole(testApp)).user;
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      it('accepts the genuine token (the control for every attack below)', async () => {
        await testApp.http
          .get('/api/articles')
          .set('Authorization', `Bearer ${user.token}`)
          .expect(200);
      });

      it.each(ATTACKS)('$name → $status', async (attack) => {
        const authorization = attack.authorization({ testApp, user });
        const request = testApp.http.delete('/api/articles/1');
        const response = await (authorization === undefined
          ? request
          : request.set('Authorization', authorization));

        expect(response.status).toBe(attack.status);
        expect(response.headers['www-authenticate']).toBe(attack.challenge);
        expect(Object.keys(response.body as object).sort()).toEqual([
          'error',
          'message',
          'statusCode',
          'traceId',
        ]);
        // jsonwebtoken's own texts name the expected issuer and audience: configuration stays private.
        expect(JSON.stringify(response.body)).not.toMatch(
          /jwt |expected|authlab-api|stack|at \w+ \(/i,
        );
      });
    },
  );
}
