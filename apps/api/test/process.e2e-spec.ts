import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '@authlab/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killHard, runApiToExit, startApiProcess, type ApiProcess } from './support/api-process.js';

const json = { 'Content-Type': 'application/json' };

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

  it.each([
    [{ NODE_ENV: 'production' }, [], /JWT_SECRET is required in production/],
    [
      { NODE_ENV: 'production', JWT_SECRET: Buffer.alloc(32, 1).toString('base64') },
      ['--demo'],
      /refused in production/,
    ],
    [{ JWT_SECRET: 'c2hvcnQ=' }, [], /at least 32 random bytes/],
    [{ PORT: 'eighty' }, [], /PORT/],
  ])('refuses to start with %j %j', async (env, args, message) => {
    const { code, output } = await runApiToExit({ DATA_DIR: dataDir, ...env }, args);
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at /); // a sentence for the operator, not a stack trace
  });
});
