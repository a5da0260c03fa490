import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { countRows } from './support/users.js';

const ERROR_KEYS = ['error', 'message', 'statusCode', 'traceId'];

/** A gzip stream whose CRC-32 (the trailer's first four bytes) no longer matches its content. */
function corruptTrailer(gzip: Buffer): Buffer {
  const copy = Buffer.from(gzip);
  copy[copy.length - 8] = copy[copy.length - 8]! ^ 0xff;
  return copy;
}

describe('HTTP input handling and headers', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  const signUp = () => testApp.http.post('/api/auth/signup');

  it('answers invalid JSON with 400 in the one error shape, without the parser’s text', async () => {
    const response = await signUp()
      .set('Content-Type', 'application/json')
      .send('{"username": "a",')
      .expect(400);
    expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
    expect(response.body.message).toBe('The request body is not valid JSON.');
    expect(response.body.traceId).toBe(response.headers['x-trace-id']);
  });

  it('answers a body that is not JSON with 415', async () => {
    await signUp().set('Content-Type', 'text/plain').send('username=a&password=b').expect(415);
    await signUp().type('form').send({ username: 'formuser', password: 'long enough' }).expect(415);
    expect(await countRows(testApp, 'users')).toBe(0);
  });

  it('answers a body over 100 kB with 413', async () => {
    const response = await signUp()
      .send({ username: 'big', password: 'long enough', padding: 'x'.repeat(101 * 1024) })
      .expect(413);
    expect(response.body.message).toBe('The request body is larger than 100 kB.');
  });

  it.each([
    '{"username":"proto","password":"long enough","__proto__":{"role":"admin"}}',
    '{"username":"proto","password":"long enough","constructor":{"prototype":{"role":"admin"}}}',
    '{"username":"proto","password":"long enough","nested":{"\\u005f\\u005fproto\\u005f\\u005f":{"role":"admin"}}}',
  ])('refuses prototype keys at any depth, however they are spelled: %s', async (body) => {
    const response = await signUp().set('Content-Type', 'application/json').send(body).expect(400);
    expect(response.body.message).toMatch(/forbidden key "(__proto__|constructor|prototype)"/);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(await countRows(testApp, 'users')).toBe(0);
  });

  it('answers unknown routes with a JSON 404 in the same shape', async () => {
    const response = await testApp.http.get('/api/nowhere').expect(404);
    expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
  });

  it('validates route parameters', async () => {
    const token = (await signUp().send({ username: 'reader', password: 'long enough' }).expect(201))
      .body.accessToken as string;
    const response = await testApp.http
      .get('/api/articles/1%20OR%201=1')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(response.body.details).toEqual([{ path: '(root)', message: expect.any(String) }]);
    await testApp.http
      .get('/api/articles/99999999999')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
  });

  it('sends helmet’s security headers and no X-Powered-By', async () => {
    const response = await testApp.http.get('/api/health').expect(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('allows CORS for the playground’s origin only', async () => {
    const allowed = await testApp.http
      .options('/api/articles')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');

    const foreign = await testApp.http
      .options('/api/articles')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const foreignGet = await testApp.http.get('/api/health').set('Origin', 'https://evil.example');
    expect(foreignGet.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the health check publicly and denies every other route without a token', async () => {
    expect((await testApp.http.get('/api/health').expect(200)).body).toMatchObject({
      status: 'ok',
      database: 'sqlite',
    });
    for (const path of ['/api/auth/me', '/api/articles', '/api/articles/1', '/api/users']) {
      await testApp.http.get(path).expect(401);
    }
  });

  it('publishes the OpenAPI document with a bearer-auth scheme, and Swagger UI', async () => {
    const document = await testApp.http.get('/api/docs/openapi.json').expect(200);
    expect(document.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/signup',
        '/api/auth/signin',
        '/api/auth/me',
        '/api/articles',
        '/api/articles/{id}',
        '/api/users',
        '/api/users/{id}/role',
        '/api/health',
      ]),
    );
    expect(
      document.body.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema
        .properties.password,
    ).toMatchObject({ minLength: 8, maxLength: 128 });
    const ui = await testApp.http.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('publishes an empty key set with HS256: a shared secret is never published', async () => {
    const response = await testApp.http.get('/.well-known/jwks.json').expect(200);
    expect(response.body).toEqual({ keys: [] });
  });
});

/** Content-Encoding: gzip and deflate bodies, corrupt and genuine, sent as exact bytes. */
describe('compressed request bodies', () => {
  let zipApp: TestApp;

  beforeAll(async () => {
    zipApp = await startTestApp();
  });
  afterAll(() => zipApp?.close());

  /** Exactly these bytes as the body (superagent would serialise a Buffer sent as JSON). */
  async function compressed(encoding: 'gzip' | 'deflate', body: Buffer) {
    const server = zipApp.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
  }
  const json = Buffer.from(JSON.stringify({ username: 'zipped', password: 'long enough' }));

  it.each([
    ['gzip', 'bytes that are not gzip', () => Buffer.from('{"username":"a","password":"b"}')],
    ['gzip', 'a gzip stream cut short', () => gzipSync(json).subarray(0, 20)],
    ['gzip', 'a gzip stream with a broken checksum', () => corruptTrailer(gzipSync(json))],
    ['deflate', 'bytes that are not deflate', () => Buffer.from('{"username":"a","password":"b"}')],
    ['deflate', 'a deflate stream cut short', () => deflateSync(json).subarray(0, 8)],
  ] as const)(
    'answers a corrupt %s body (%s) with 400 in its own words, never zlib’s (CWE-209)',
    async (encoding, _case, body) => {
      const response = await compressed(encoding, body());
      expect(response.status).toBe(400);
      expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
      expect(response.body.message).toBe(
        `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
      );
      expect(response.text).not.toMatch(/header check|unexpected end|zlib|Z_|checksum|incorrect/i);
      expect(await countRows(zipApp, 'users')).toBe(0);
    },
  );

  it('reads a body that is really compressed', async () => {
    expect((await compressed('gzip', gzipSync(json))).status).toBe(201);
    const other = Buffer.from(JSON.stringify({ username: 'deflated', password: 'long enough' }));
    expect((await compressed('deflate', deflateSync(other))).status).toBe(201);
    await zipApp.http
      .post('/api/auth/signin')
      .send({ username: 'zipped', password: 'long enough' })
      .expect(200);
  });
});
