import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { validClaims } from './support/tokens.js';

describe('ES256 signing with the public key at /.well-known/jwks.json', () => {
  let testApp: TestApp;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'authlab-es256-'));
    const base = (await import('./support/test-config.js')).testConfig();
    testApp = await startTestApp({
      dataDir,
      jwt: { ...base.jwt, algorithm: 'ES256', secret: undefined },
    });
    token = (
      await testApp.http
        .post('/api/auth/signup')
        .send({ username: 'curve', password: 'elliptic enough' })
        .expect(201)
    ).body.accessToken as string;
  });
  afterAll(async () => {
    await testApp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs with ES256 and a kid that the JWKS publishes', async () => {
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<
      string,
      string
    >;
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const jwks = (await testApp.http.get('/.well-known/jwks.json').expect(200)).body as {
      keys: Array<Record<string, string>>;
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
      kid: header.kid,
    });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('issues tokens that a third party can verify with nothing but the JWKS', async () => {
    const jwks = (await testApp.http.get('/.well-known/jwks.json')).body as {
      keys: Array<Record<string, string>>;
    };
    const publicKey = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' });
    const [header, payload, signature] = token.split('.');
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature!, 'base64url'),
    );
    expect(valid).toBe(true);
  });

  it('refuses algorithm confusion: an HS256 token whose secret is the published public key', async () => {
    const jwks = (await testApp.http.get('/.well-known/jwks.json')).body as {
      keys: Array<Record<string, string>>;
    };
    const publicPem = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' }).export({
      format: 'pem',
      type: 'spki',
    });
    const claims = validClaims(testApp.config, { id: 1, username: 'curve', role: 'admin' });
    const forged = jwt.sign(claims, Buffer.from(publicPem), {
      algorithm: 'HS256',
      header: { alg: 'HS256', typ: 'at+jwt', kid: jwks.keys[0]!.kid },
    });
    const response = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${forged}`)
      .expect(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('keeps the generated key across restarts, so issued tokens stay valid', async () => {
    const restarted = await startTestApp({
      dataDir,
      jwt: testApp.config.jwt,
      database: testApp.config.database,
    });
    try {
      expect(restarted.keys.kid).toBe(testApp.keys.kid);
    } finally {
      await restarted.close();
    }
  });
});
