import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from './app-config.js';
import { environmentSchema } from './config.schema.js';

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
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = e.DEMO || argv.includes('--demo');

  if (production && demo) {
    throw new ConfigError('Demo mode seeds accounts with public passwords; it is refused in production.');
  }
  if (production && e.JWT_ALGORITHM === 'HS256' && !e.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET is required in production (base64 of at least 32 random bytes).');
  }
  if (production && e.JWT_ALGORITHM === 'ES256' && !e.JWT_PRIVATE_KEY) {
    throw new ConfigError('JWT_PRIVATE_KEY (PKCS#8 PEM) is required in production for ES256.');
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
    },
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    demo,
    playgroundDir: e.PLAYGROUND_DIR ? path.resolve(e.PLAYGROUND_DIR) : defaultPlaygroundDir(),
  };
}
