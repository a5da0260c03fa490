import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const SECRET = Buffer.alloc(32, 7).toString('base64');

function configErrorOf(env: NodeJS.ProcessEnv, argv: string[] = []): ConfigError {
  try {
    loadConfig(env, argv);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse the configuration');
}

describe('loadConfig', () => {
  it('gives a development configuration from an empty environment', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({
      environment: 'development',
      host: '127.0.0.1',
      port: 3000,
      dataDir: path.resolve('data'),
      database: { kind: 'sqlite', file: path.resolve('data', 'authlab.sqlite') },
      jwt: {
        algorithm: 'HS256',
        issuer: 'authlab',
        audience: 'authlab-api',
        accessTokenTtlSeconds: 900,
      },
      corsOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      demo: false,
    });
    expect(config.jwt.secret).toBeUndefined();
  });

  it('refuses production without JWT_SECRET', () => {
    expect(configErrorOf({ NODE_ENV: 'production' }).message).toMatch(
      /^JWT_SECRET is required in production/,
    );
  });

  it('refuses production ES256 without JWT_PRIVATE_KEY', () => {
    expect(configErrorOf({ NODE_ENV: 'production', JWT_ALGORITHM: 'ES256' }).message).toMatch(
      /^JWT_PRIVATE_KEY \(PKCS#8 PEM\) is required in production/,
    );
  });

  it('accepts production with a JWT_SECRET', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }, []).jwt.secret).toBe(SECRET);
  });

  it.each([
    ['DEMO=true', { DEMO: 'true' }, []],
    ['DEMO=1', { DEMO: '1' }, []],
    ['--demo', {}, ['--demo']],
  ])('refuses demo mode in production when asked with %s', (_how, env, argv) => {
    const error = configErrorOf({ NODE_ENV: 'production', JWT_SECRET: SECRET, ...env }, argv);
    expect(error.message).toBe(
      'Demo mode seeds accounts with public passwords; it is refused in production.',
    );
  });

  it('turns demo mode on outside production with --demo', () => {
    expect(loadConfig({}, ['--demo']).demo).toBe(true);
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const url = 'postgres://authlab:pw@db.internal:5432/authlab';
    expect(loadConfig({ DATABASE_URL: url, SQLITE_FILE: ':memory:' }, []).database).toEqual({
      kind: 'postgres',
      url,
    });
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL', () => {
    expect(configErrorOf({ DATABASE_URL: 'mysql://db/authlab' }).message).toContain(
      'DATABASE_URL: must be a postgres:// URL',
    );
  });

  it('keeps SQLITE_FILE=:memory: as an in-memory database instead of a path', () => {
    expect(loadConfig({ SQLITE_FILE: ':memory:' }, []).database).toEqual({
      kind: 'sqlite',
      file: ':memory:',
    });
  });

  it('places a relative SQLITE_FILE in the data folder', () => {
    const dataDir = path.join(path.sep, 'srv', 'authlab-data');
    expect(loadConfig({ DATA_DIR: dataDir, SQLITE_FILE: 'lab.sqlite' }, []).database).toEqual({
      kind: 'sqlite',
      file: path.join(dataDir, 'lab.sqlite'),
    });
  });

  it.each(['http', '65536', '-1', '80.5'])('lists PORT=%j in the error', (port) => {
    const error = configErrorOf({ PORT: port });
    expect(error.message).toMatch(/^Invalid configuration:\n {2}PORT: /);
  });

  it('lists every invalid variable at once', () => {
    const error = configErrorOf({
      PORT: 'http',
      JWT_ALGORITHM: 'RS256',
      ACCESS_TOKEN_TTL_SECONDS: '5',
    });
    const problems = error.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);
    expect(problems.sort()).toEqual(['ACCESS_TOKEN_TTL_SECONDS', 'JWT_ALGORITHM', 'PORT']);
  });

  it('restores the line breaks of a JWT_PRIVATE_KEY written on one line', () => {
    const oneLine = '-----BEGIN PRIVATE KEY-----\\nMIGHAgEA\\n-----END PRIVATE KEY-----';
    expect(
      loadConfig({ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: oneLine }, []).jwt.privateKeyPem,
    ).toBe('-----BEGIN PRIVATE KEY-----\nMIGHAgEA\n-----END PRIVATE KEY-----');
  });

  it.each([
    [undefined, ['error', 'warn', 'log']],
    ['warn', ['error', 'warn']],
    ['verbose', ['error', 'warn', 'log', 'debug', 'verbose']],
  ])('reads LOG_LEVEL=%s as every level up to it', (level, levels) => {
    expect(loadConfig(level ? { LOG_LEVEL: level } : {}, []).logLevels).toEqual(levels);
  });

  it('refuses a LOG_LEVEL that Nest does not know', () => {
    expect(configErrorOf({ LOG_LEVEL: 'loud' }).message).toMatch(
      /^Invalid configuration:\n {2}LOG_LEVEL: /,
    );
  });

  it('splits CORS_ORIGINS on commas and drops blanks', () => {
    expect(
      loadConfig({ CORS_ORIGINS: ' https://a.example , ,https://b.example,' }, []).corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example']);
  });

  it('reads ALLOWED_HOSTS as host names with optional ports, and refuses anything else', () => {
    expect(loadConfig({}, []).allowedHosts).toEqual([]);
    expect(
      loadConfig({ ALLOWED_HOSTS: ' authlab.lan , 10.0.0.5:8080,,[fd00::1]:3000 ' }, [])
        .allowedHosts,
    ).toEqual(['authlab.lan', '10.0.0.5:8080', '[fd00::1]:3000']);
    for (const value of ['https://authlab.lan', 'authlab.lan/api', 'a b', 'x:70000', '*'])
      expect(configErrorOf({ ALLOWED_HOSTS: value }).message).toMatch(
        /ALLOWED_HOSTS: must be host names/,
      );
  });
});
