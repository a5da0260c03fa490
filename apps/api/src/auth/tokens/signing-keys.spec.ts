import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/load-config.js';
import { decodeSecret, ecKeys, hmacKeys, loadSigningKeys } from './signing-keys.js';

function pkcs8Pem(type: 'ec' | 'rsa' | 'ed25519', namedCurve?: string): string {
  const { privateKey } =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: namedCurve ?? 'prime256v1' })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 1024 })
        : generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

describe('decodeSecret', () => {
  it('refuses a secret shorter than 32 bytes and says how long it is', () => {
    expect(() => decodeSecret(randomBytes(31).toString('base64'))).toThrow(
      new ConfigError(
        'JWT_SECRET must be base64 of at least 32 random bytes (256 bits); it decodes to 31.',
      ),
    );
  });

  it('counts decoded bytes, not base64 characters', () => {
    const thirtyTwoCharacters = randomBytes(24).toString('base64');
    expect(thirtyTwoCharacters).toHaveLength(32);
    expect(() => decodeSecret(thirtyTwoCharacters)).toThrow(ConfigError);
  });

  it('returns the bytes of a 32-byte secret, ignoring surrounding whitespace', () => {
    const secret = randomBytes(32);
    expect(decodeSecret(`  ${secret.toString('base64')}\n`).equals(secret)).toBe(true);
  });
});

describe('hmacKeys', () => {
  it('derives a stable key id that does not reveal the secret, and publishes no key', () => {
    const secret = randomBytes(32);
    const keys = hmacKeys(secret);
    expect(keys.algorithm).toBe('HS256');
    expect(hmacKeys(Buffer.from(secret)).kid).toBe(keys.kid);
    expect(hmacKeys(randomBytes(32)).kid).not.toBe(keys.kid);
    expect(secret.toString('base64url')).not.toContain(keys.kid);
    expect(keys.jwks).toEqual({ keys: [] });
  });
});

describe('ecKeys', () => {
  it.each([
    ['a P-384 key', () => pkcs8Pem('ec', 'secp384r1')],
    ['a secp256k1 key', () => pkcs8Pem('ec', 'secp256k1')],
    ['an RSA key', () => pkcs8Pem('rsa')],
    ['an Ed25519 key', () => pkcs8Pem('ed25519')],
  ])('refuses %s', (_case, pem) => {
    expect(() => ecKeys(pem())).toThrow(
      new ConfigError('JWT_PRIVATE_KEY must be an EC P-256 private key for ES256.'),
    );
  });

  it('signs tokens that its verification key accepts', () => {
    const keys = ecKeys(pkcs8Pem('ec'));
    const token = jwt.sign({ sub: '1' }, keys.signingKey, { algorithm: 'ES256' });
    expect(jwt.verify(token, keys.verificationKey, { algorithms: ['ES256'] })).toMatchObject({
      sub: '1',
    });
  });
});

describe('loadSigningKeys', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'authlab-keys-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  function configWith(env: NodeJS.ProcessEnv) {
    return loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...env }, []);
  }

  it('uses a configured JWT_SECRET and writes nothing', async () => {
    const secret = randomBytes(32);
    const keys = await loadSigningKeys(configWith({ JWT_SECRET: secret.toString('base64') }));
    expect(keys.kid).toBe(hmacKeys(secret).kid);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a configured JWT_SECRET shorter than 32 bytes', async () => {
    await expect(
      loadSigningKeys(configWith({ JWT_SECRET: randomBytes(16).toString('base64') })),
    ).rejects.toThrow(ConfigError);
  });

  it('generates an HS256 secret file readable by its owner only, once, and reuses it', async () => {
    const config = configWith({});
    const first = await loadSigningKeys(config);
    const file = path.join(dataDir, 'jwt-hs256.secret');
    const stored = await readFile(file, 'utf8');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(decodeSecret(stored)).toHaveLength(32);
    expect(first.kid).toBe(hmacKeys(decodeSecret(stored)).kid);

    const second = await loadSigningKeys(config);
    expect(second.kid).toBe(first.kid);
    expect(await readFile(file, 'utf8')).toBe(stored);
    expect(await readdir(dataDir)).toEqual(['jwt-hs256.secret']);
  });

  it('creates a missing data folder', async () => {
    const nested = path.join(dataDir, 'nested', 'data');
    await loadSigningKeys(loadConfig({ NODE_ENV: 'test', DATA_DIR: nested }, []));
    expect(await readdir(nested)).toEqual(['jwt-hs256.secret']);
  });

  it('generates an ES256 P-256 key file readable by its owner only, once, and reuses it', async () => {
    const config = configWith({ JWT_ALGORITHM: 'ES256' });
    const first = await loadSigningKeys(config);
    const file = path.join(dataDir, 'jwt-es256-private.pem');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.algorithm).toBe('ES256');
    expect(first.signingKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');

    const second = await loadSigningKeys(config);
    expect(second.kid).toBe(first.kid);
    expect(second.jwks).toEqual(first.jwks);
  });

  it('publishes the ES256 public key as a JWK whose kid is its RFC 7638 thumbprint', async () => {
    const { kid, jwks } = await loadSigningKeys(configWith({ JWT_ALGORITHM: 'ES256' }));
    expect(jwks.keys).toHaveLength(1);
    const [jwk] = jwks.keys;
    expect(jwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid,
      alg: 'ES256',
      use: 'sig',
    });
    expect(jwk).not.toHaveProperty('d');

    const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk!.x}","y":"${jwk!.y}"}`;
    expect(kid).toBe(createHash('sha256').update(canonical).digest('base64url'));
  });
});
