import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard, startApiProcess, type ApiProcess } from './support/api-process.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { openEventStream } from './support/event-stream.js';
import { deleteKeys, REDIS_URL, redisSkipReason, uniqueKeyPrefix } from './support/redis.js';

const postgres = (await databaseBackends()).find((backend) => backend.name === 'postgres')!;
const redisSkip = await redisSkipReason();
const skipReason = postgres.skipReason ?? redisSkip;

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: number };
}

/** JSON over fetch, as any client of the running API. */
async function call(
  base: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
    headers: response.headers,
  };
}

describe.skipIf(skipReason !== undefined)(
  'two API instances sharing one PostgreSQL and one Redis',
  () => {
    let database: TestDatabase;
    let dataDir: string;
    let env: Record<string, string>;
    const keyPrefix = uniqueKeyPrefix();
    const running: ApiProcess[] = [];
    let a: string;
    let b: string;

    const signUp = async (base: string, username: string): Promise<Session> => {
      const response = await call(base, 'POST', '/api/auth/signup', {
        body: { username, password: 'shared state!' },
      });
      expect(response.status).toBe(201);
      return response.body as unknown as Session;
    };
    const start = async () => {
      const instance = await startApiProcess(env);
      running.push(instance);
      return instance.url;
    };

    beforeAll(async () => {
      database = await postgres.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'authlab-shared-'));
      env = {
        DATA_DIR: dataDir,
        DATABASE_URL: (database.database as { url: string }).url,
        REDIS_URL,
        REDIS_KEY_PREFIX: keyPrefix,
        // Both instances must verify each other's tokens: one secret, as in any real deployment.
        JWT_SECRET: randomBytes(32).toString('base64'),
        // Every account here is signed up from this one address; the limit has tests of its own.
        SIGNUP_MAX_PER_IP: '1000',
      };
      // One after the other: they migrate the same database at start-up.
      a = await start();
      b = await start();
    }, 60_000);
    afterAll(async () => {
      await Promise.all(running.map((instance) => killHard(instance)));
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
      await deleteKeys(keyPrefix);
    });

    it('honours a sign-out on one instance at the other at once', async () => {
      const session = await signUp(a, 'leaves-on-a');
      expect((await call(b, 'GET', '/api/articles', { token: session.accessToken })).status).toBe(
        200,
      );

      expect(
        (await call(a, 'POST', '/api/auth/signout', { token: session.accessToken })).status,
      ).toBe(204);
      const refused = await call(b, 'GET', '/api/articles', { token: session.accessToken });
      expect(refused.status).toBe(401);
      expect(refused.body.message).toBe('The access token has been revoked.');
      expect(
        (
          await call(b, 'POST', '/api/auth/refresh', {
            body: { refreshToken: session.refreshToken },
          })
        ).body.code,
      ).toBe('invalid_grant');
    });

    it('ends an admin’s trace stream on one instance when the admin signs out on the other', async () => {
      const admin = await signUp(a, 'streams-on-b');
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query("update users set role = 'admin' where id = $1", [admin.user.id]);
      await client.end();
      const adminToken = (
        (await call(a, 'POST', '/api/auth/refresh', { body: { refreshToken: admin.refreshToken } }))
          .body as unknown as Session
      ).accessToken;

      const stream = await openEventStream(`${b}/api/traces/stream`, {
        Authorization: `Bearer ${adminToken}`,
      });
      expect(stream.status).toBe(200);
      const probe = await call(b, 'GET', '/api/health');
      const probeId = probe.headers.get('x-trace-id');
      await stream.waitFor((event) => event.event === 'trace' && event.id === probeId);

      expect((await call(a, 'POST', '/api/auth/signout', { token: adminToken })).status).toBe(204);
      await stream.ended();
      expect(stream.events.at(-1)).toMatchObject({
        event: 'end',
        data: 'The access token has been revoked.',
      });
    });

    it('honours a role change on one instance at the other at once', async () => {
      const admin = await signUp(a, 'the-admin');
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query("update users set role = 'admin' where id = $1", [admin.user.id]);
      await client.end();
      const adminToken = (
        (await call(b, 'POST', '/api/auth/refresh', { body: { refreshToken: admin.refreshToken } }))
          .body as unknown as Session
      ).accessToken;

      const demoted = await signUp(b, 'demoted-on-a');
      expect(
        (
          await call(a, 'PATCH', `/api/users/${demoted.user.id}/role`, {
            token: adminToken,
            body: { role: 'writer' },
          })
        ).status,
      ).toBe(200);
      expect((await call(b, 'GET', '/api/articles', { token: demoted.accessToken })).status).toBe(
        401,
      );
    });

    it('gives exactly one success to the same refresh token sent to both instances at once', async () => {
      const session = await signUp(a, 'races-both');
      const responses = await Promise.all(
        [a, b, a, b].map((base) =>
          call(base, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 400, 400, 400]);
    });

    it('counts sign-in failures across both instances', async () => {
      await signUp(a, 'guessed-at');
      const attempt = (base: string, password: string) =>
        call(base, 'POST', '/api/auth/signin', { body: { username: 'guessed-at', password } });
      for (let i = 0; i < 5; i++) {
        expect((await attempt(a, `wrong on a ${i}`)).status).toBe(401);
        expect((await attempt(b, `wrong on b ${i}`)).status).toBe(401);
      }
      for (const base of [a, b]) {
        const blocked = await attempt(base, 'shared state!');
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    });

    it('starts a third instance that already knows the revocations made before it started', async () => {
      const session = await signUp(a, 'left-before-c');
      expect(
        (await call(b, 'POST', '/api/auth/signout', { token: session.accessToken })).status,
      ).toBe(204);
      const c = await start();
      expect((await call(c, 'GET', '/api/articles', { token: session.accessToken })).status).toBe(
        401,
      );
    });
  },
);
