import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const SECRET = Buffer.alloc(32, 7).toString('base64');
const load = (env: Record<string, string>) => loadConfig({ SQLITE_FILE: ':memory:', ...env }, []);

describe('loadConfig: cookies, sessions, throttling and Redis', () => {
  it('serves plain cookies only to local HTTP development', () => {
    expect(load({}).cookies).toEqual({ secure: false });
    expect(load({ PUBLIC_ORIGIN: 'https://authlab.example' }).cookies).toEqual({ secure: true });
    expect(load({ NODE_ENV: 'production', JWT_SECRET: SECRET }).cookies).toEqual({ secure: true });
  });

  it('refuses a PUBLIC_ORIGIN that is not a bare origin, and plain HTTP in production', () => {
    for (const value of [
      'authlab.example',
      'https://authlab.example/',
      'https://authlab.example/api',
      'javascript:alert(1)',
    ]) {
      expect(() => load({ PUBLIC_ORIGIN: value })).toThrow(/PUBLIC_ORIGIN/);
    }
    expect(() =>
      load({ NODE_ENV: 'production', JWT_SECRET: SECRET, PUBLIC_ORIGIN: 'http://authlab.example' }),
    ).toThrow(ConfigError);
  });

  it('has the documented defaults', () => {
    const config = load({});
    expect(config.sessions.refreshTokenTtlSeconds).toBe(7 * 24 * 60 * 60);
    expect(config.jwt.clientTokenTtlSeconds).toBe(300);
    expect(config.signInThrottle).toEqual({
      maxFailuresPerAccount: 10,
      maxFailuresPerIp: 100,
      windowSeconds: 900,
    });
    expect(config.signUpThrottle).toEqual({ maxPerIp: 10, windowSeconds: 3600 });
    expect(config.traceStreams).toEqual({ maxPerCaller: 5, maxPerAddress: 30 });
    expect(config.passwordHashing.maxQueued).toBe(32);
    expect(config.passwordHashing.maxConcurrent).toBeGreaterThanOrEqual(1);
    expect(load({ PASSWORD_HASH_CONCURRENCY: '3' }).passwordHashing.maxConcurrent).toBe(3);
    expect(config.redis).toBeUndefined();
  });

  it('reads Redis with its key prefix, and refuses anything but a redis URL or a tidy prefix', () => {
    expect(load({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'authlab:',
    });
    expect(() => load({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
    expect(() => load({ REDIS_URL: 'redis://x', REDIS_KEY_PREFIX: 'a b*' })).toThrow(
      /REDIS_KEY_PREFIX/,
    );
  });

  it.each([
    ['REFRESH_TOKEN_TTL_SECONDS', '59'],
    ['CLIENT_TOKEN_TTL_SECONDS', '4'],
    ['SIGNIN_MAX_FAILURES_PER_ACCOUNT', '0'],
    ['SIGNIN_THROTTLE_WINDOW_SECONDS', '1e3'],
    ['SIGNUP_MAX_PER_IP', '0'],
    ['PASSWORD_HASH_CONCURRENCY', '0'],
    ['PASSWORD_HASH_QUEUE_LIMIT', '-1'],
    ['TRACE_STREAMS_PER_CALLER', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(new RegExp(name));
  });
});
