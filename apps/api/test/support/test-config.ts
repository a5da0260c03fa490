import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../src/config/app-config.js';

/** A complete configuration for one test app: in-memory SQLite, a fresh random secret, no demo data. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(tmpdir(), `authlab-test-${process.pid}`),
    database: { kind: 'sqlite', file: ':memory:' },
    jwt: {
      algorithm: 'HS256',
      secret: randomBytes(32).toString('base64'),
      issuer: 'authlab',
      audience: 'authlab-api',
      accessTokenTtlSeconds: 900,
      clientTokenTtlSeconds: 300,
    },
    sessions: { refreshTokenTtlSeconds: 7 * 24 * 60 * 60 },
    cookies: { secure: false },
    signInThrottle: { maxFailuresPerAccount: 10, maxFailuresPerIp: 100, windowSeconds: 900 },
    // Tests sign many accounts up from one address; the limit has tests of its own.
    signUpThrottle: { maxPerIp: 100_000, windowSeconds: 3600 },
    passwordHashing: { maxConcurrent: 1, maxQueued: 1000 },
    allowedHosts: [],
    corsOrigins: ['http://localhost:5173'],
    demo: false,
    lab: false,
    tracing: { enabled: true, capacity: 1000 },
    traceStreams: { maxPerCaller: 5, maxPerAddress: 30 },
    logLevels: ['error'],
    ...overrides,
  };
}
