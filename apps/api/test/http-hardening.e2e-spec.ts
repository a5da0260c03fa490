import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { countRows } from './support/users.js';

const ERROR_KEYS = ['error', 'message', 'statusCode', 'traceId'];

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
