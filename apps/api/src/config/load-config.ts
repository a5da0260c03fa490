import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './app-config.js';
import { environmentSchema } from './config.schema.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** From least to most talkative: each level includes those before it. */
const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The playground's production build, when it has been built next to this package. */
function defaultPlaygroundDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidate = path.resolve(here, '../../../playground/dist');
  return existsSync(path.join(candidate, 'index.html')) ? candidate : undefined;
}

/**
 * Reads and validates the configuration once. Command-line flags: `--demo` seeds demo data.
 * Fails with every problem listed, so a misconfigured server never half-starts.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = e.DEMO || argv.includes('--demo');
  const lab = e.LAB || argv.includes('--lab');

  if (production && demo) {
    throw new ConfigError(
      'Demo mode seeds accounts with public passwords; it is refused in production.',
    );
  }
  if (lab && production) {
    throw new ConfigError(
      'The lab serves deliberately weak verifiers; it is refused in production.',
    );
  }
  if (lab && !LOOPBACK_HOSTS.has(e.HOST)) {
    throw new ConfigError(
      `The lab listens on loopback only (HOST=127.0.0.1, ::1 or localhost), not ${e.HOST}.`,
    );
  }
  if (production && e.JWT_ALGORITHM === 'HS256' && !e.JWT_SECRET) {
    throw new ConfigError(
      'JWT_SECRET is required in production (base64 of at least 32 random bytes).',
    );
  }
  if (production && e.JWT_ALGORITHM === 'ES256' && !e.JWT_PRIVATE_KEY) {
    throw new ConfigError('JWT_PRIVATE_KEY (PKCS#8 PEM) is required in production for ES256.');
  }

  if (production && e.PUBLIC_ORIGIN && !e.PUBLIC_ORIGIN.startsWith('https:')) {
    throw new ConfigError(
      'PUBLIC_ORIGIN must be https in production: session cookies are Secure there.',
    );
  }

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : {
          kind: 'sqlite',
          file:
            e.SQLITE_FILE === ':memory:'
              ? ':memory:'
              : path.resolve(dataDir, e.SQLITE_FILE ?? 'authlab.sqlite'),
        },
    jwt: {
      algorithm: e.JWT_ALGORITHM,
      secret: e.JWT_SECRET,
      privateKeyPem: e.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n'),
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      clientTokenTtlSeconds: e.CLIENT_TOKEN_TTL_SECONDS,
    },
    sessions: { refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS },
    cookies: { secure: production || Boolean(e.PUBLIC_ORIGIN?.startsWith('https:')) },
    publicOrigin: e.PUBLIC_ORIGIN,
    allowedHosts: e.ALLOWED_HOSTS,
    signInThrottle: {
      maxFailuresPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.SIGNIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.SIGNIN_THROTTLE_WINDOW_SECONDS,
    },
    signUpThrottle: {
      maxPerIp: e.SIGNUP_MAX_PER_IP,
      windowSeconds: e.SIGNUP_THROTTLE_WINDOW_SECONDS,
    },
    passwordHashing: {
      maxConcurrent: e.PASSWORD_HASH_CONCURRENCY,
      maxQueued: e.PASSWORD_HASH_QUEUE_LIMIT,
    },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    demo,
    lab,
    tracing: { enabled: e.TRACING === 'on', capacity: e.TRACE_CAPACITY },
    traceStreams: {
      maxPerCaller: e.TRACE_STREAMS_PER_CALLER,
      maxPerAddress: e.TRACE_STREAMS_PER_ADDRESS,
    },
    logLevels: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(e.LOG_LEVEL) + 1),
    playgroundDir: e.PLAYGROUND_DIR ? path.resolve(e.PLAYGROUND_DIR) : defaultPlaygroundDir(),
  };
}
