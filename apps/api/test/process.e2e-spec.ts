import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '@authlab/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killHard, runApiToExit, startApiProcess, type ApiProcess } from './support/api-process.js';

const json = { 'Content-Type': 'application/json' };

/** A port nothing listens on right now: the system picks it, then it is released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the API as a process', () => {
  let dataDir: string;
  let running: ApiProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'authlab-process-'));
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) await killHard(running);
    running = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps an acknowledged sign-up across kill -9', async () => {
    running = await startApiProcess({ DATA_DIR: dataDir });
    const signUp = await fetch(`${running.url}/api/auth/signup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'durable', password: 'survives a crash' }),
    });
    expect(signUp.status).toBe(201);
    const { accessToken } = (await signUp.json()) as { accessToken: string };

    await killHard(running); // no shutdown hook, no flush: only what was committed survives
    running = await startApiProcess({ DATA_DIR: dataDir });

    const signIn = await fetch(`${running.url}/api/auth/signin`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'durable', password: 'survives a crash' }),
    });
    expect(signIn.status).toBe(200);
    // The generated development secret was kept too, so the old token still verifies.
    const me = await fetch(`${running.url}/api/auth/me`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it('generates its development secret once, readable by its owner only', async () => {
    running = await startApiProcess({ DATA_DIR: dataDir });
    const secretFile = await stat(path.join(dataDir, 'jwt-hs256.secret'));
    expect(secretFile.mode & 0o777).toBe(0o600);
  });

  it('seeds the demo users in demo mode and prints their credentials', async () => {
    running = await startApiProcess({ DATA_DIR: dataDir }, ['--demo']);
    for (const user of DEMO_USERS) {
      expect(running.output()).toContain(user.password);
      const response = await fetch(`${running.url}/api/auth/signin`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`,
        },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { user: { role: string } }).user.role).toBe(user.role);
    }
  });

  it('seeds nothing without demo mode', async () => {
    running = await startApiProcess({ DATA_DIR: dataDir });
    const response = await fetch(`${running.url}/api/auth/signin`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        username: DEMO_USERS[0]!.username,
        password: DEMO_USERS[0]!.password,
      }),
    });
    expect(response.status).toBe(401);
  });

  it("prints where everything is first, and Nest's route log only at LOG_LEVEL=verbose", async () => {
    running = await startApiProcess({ DATA_DIR: dataDir }, ['--demo']);
    // The demo seeder logs after the URLs; once it has, the start-up output is complete.
    await expect.poll(() => running!.output(), { timeout: 10_000 }).toContain('Demo users ready');
    const quiet = running.output();
    expect(quiet.trimStart()).toMatch(/^authlab is running on SQLite/);
    expect(quiet).not.toMatch(/RoutesResolver|RouterExplorer|InstanceLoader|Mapped \{/);
    await killHard(running);

    running = await startApiProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'verbose' }, ['--demo']);
    await expect
      .poll(() => running!.output(), { timeout: 10_000 })
      .toContain('Nest application successfully started');
    const verbose = running.output();
    expect(verbose.trimStart()).toMatch(/^authlab is running on SQLite/);
    expect(verbose).toMatch(/\[RouterExplorer\] .*Mapped \{\/api\/auth\/signin, POST\} route/);
    expect(verbose.indexOf('RoutesResolver')).toBeGreaterThan(verbose.indexOf('API docs'));
  });

  it('listens on the PORT it is given', async () => {
    const port = await freePort();
    running = await startApiProcess({ DATA_DIR: dataDir, PORT: String(port) });
    expect(running.url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it('says how to choose another port when its PORT is taken', async () => {
    const port = await freePort();
    running = await startApiProcess({ DATA_DIR: dataDir, PORT: String(port) });
    const { code, output } = await runApiToExit({ DATA_DIR: dataDir, PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(
      `Port ${port} on 127.0.0.1 is taken (another authlab?). Stop it, or choose another port: PORT=3100 npm start`,
    );
  });

  it.each([
    [{ NODE_ENV: 'production' }, [], /JWT_SECRET is required in production/],
    [
      { NODE_ENV: 'production', JWT_SECRET: Buffer.alloc(32, 1).toString('base64') },
      ['--demo'],
      /refused in production/,
    ],
    [{ JWT_SECRET: 'c2hvcnQ=' }, [], /at least 32 random bytes/],
    [{ PORT: 'eighty' }, [], /PORT/],
    [{ LOG_LEVEL: 'loud' }, [], /LOG_LEVEL/],
  ])('refuses to start with %j %j', async (env, args, message) => {
    const { code, output } = await runApiToExit({ DATA_DIR: dataDir, ...env }, args);
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at /); // a sentence for the operator, not a stack trace
  });
});
