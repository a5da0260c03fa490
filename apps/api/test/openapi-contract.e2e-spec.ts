import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import type { RouteMetadata } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthController } from '../src/meta/health.controller.js';
import { openApiPath } from '../src/openapi/complete-document.js';
import { buildOpenApiDocument } from '../src/openapi/setup-openapi.js';
import { checkAgainstContract, documentsItsAnswers } from './support/contract/contract-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operationsOf(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the OpenAPI document', () => {
  let testApp: TestApp;
  let document: OpenAPIObject;
  let routes: RouteMetadata[];

  beforeAll(async () => {
    // Lab and demo mode: every route the API can have is mounted.
    testApp = await startTestApp({ lab: true, demo: true });
    document = (await testApp.http.get('/api/docs/openapi.json').expect(200)).body as OpenAPIObject;
    routes = (
      (await testApp.http.get('/api/meta/routes').expect(200)).body as { routes: RouteMetadata[] }
    ).routes;
  });
  afterAll(() => testApp?.close());

  it('documents every route of /api/meta/routes, and no operation that is not one', () => {
    const fromRoutes = routes.map((route) => `${route.method} ${openApiPath(route.path)}`);
    const documented = operationsOf(document);
    const undocumented = fromRoutes.filter((route) => !documented.includes(route));
    const phantom = documented.filter((operation) => !fromRoutes.includes(operation));
    expect(
      { undocumented, phantom },
      'routes in /api/meta/routes missing from the document, and operations no route serves',
    ).toEqual({ undocumented: [], phantom: [] });
  });

  it('gives every operation a success answer, and every error the one error shape and X-Trace-Id', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const where = `${method.toUpperCase()} ${path}`;
        // Not documented yet (no @ApiAnswer): named by the contract check's closing note instead.
        if (!documentsItsAnswers(operation as never)) continue;
        const answers = Object.entries(operation.responses) as Array<[string, ResponseObject]>;
        if (!answers.some(([status]) => status.startsWith('2')))
          problems.push(`${where}: no success answer`);
        for (const [status, answer] of answers) {
          if (!answer.headers?.['X-Trace-Id']) problems.push(`${where} ${status}: no X-Trace-Id`);
          if (Number(status) >= 400 && !answer.content?.['application/json'])
            problems.push(`${where} ${status}: no error body`);
          if (status.startsWith('2') && status !== '204' && !answer.content)
            problems.push(`${where} ${status}: no body schema`);
        }
        if (operation.security === undefined) problems.push(`${where}: no security requirement`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents 401 and 403 with their RFC 6750 challenge on every route that needs a role', () => {
    const problems: string[] = [];
    for (const route of routes.filter((route) => route.roles || route.permissions)) {
      const operation =
        document.paths[openApiPath(route.path)]?.[
          route.method.toLowerCase() as (typeof METHODS)[number]
        ];
      const where = `${route.method} ${route.path}`;
      const unauthorized = operation?.responses['401'] as ResponseObject | undefined;
      const forbidden = operation?.responses['403'] as ResponseObject | undefined;
      if (!unauthorized?.headers?.['WWW-Authenticate'])
        problems.push(`${where}: 401 without a challenge`);
      if (!forbidden?.headers?.['WWW-Authenticate'])
        problems.push(`${where}: 403 without a challenge`);
      if (!forbidden?.description.includes('insufficient_scope'))
        problems.push(`${where}: 403 does not name insufficient_scope`);
    }
    expect(problems).toEqual([]);
  });
});

// Each test boots its own app and checks its answers: minutes on a busy machine.
describe('the contract check', { timeout: 120_000 }, () => {
  it('fails a suite whose app gave an answer the document does not promise', async () => {
    const testApp = await startTestApp();
    // A real wrong answer, sent by the real app through the real recorder: a database kind the
    // document's enum does not name.
    Object.assign(testApp.app.get(HealthController), { kind: 'mysql' });
    await testApp.http.get('/api/health').expect(200);
    await expect(testApp.close()).rejects.toThrow(
      /GET \/api\/health → 200 \(operation HealthController_health, GET \/api\/health\): the body does not match the documented schema: \/database must be equal to one of the allowed values/,
    );
  });

  it('fails on an undocumented status, a missing challenge and an undocumented field', async () => {
    const testApp = await startTestApp();
    const document = buildOpenApiDocument(testApp.app);
    await testApp.close();
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    const headers = { 'content-type': 'application/json; charset=utf-8', 'x-trace-id': 't' };
    const report = await checkAgainstContract(document, [
      { method: 'GET', url: '/api/health', status: 418, headers, body: json({}) },
      {
        method: 'GET',
        url: '/api/auth/me',
        status: 401,
        headers,
        body: json({ statusCode: 401, error: 'Unauthorized', message: 'No.', traceId: 't' }),
      },
      {
        method: 'GET',
        url: '/api/clock',
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: json({ now: 'now', offsetSeconds: 0, adjustable: false, extra: true }),
      },
    ]);
    expect(report.validated).toBe(3);
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^GET \/api\/health → 418 .*: status 418 is undocumented \(the document lists 200, 421\)/,
      ),
      expect.stringMatching(
        /^GET \/api\/auth\/me → 401 .*: the required header WWW-Authenticate is missing/,
      ),
      expect.stringMatching(
        /^GET \/api\/clock → 200 .*must NOT have additional properties \{"additionalProperty":"extra"\}/,
      ),
      expect.stringMatching(
        /^GET \/api\/clock → 200 .*: the required header X-Trace-Id is missing/,
      ),
    ]);
  });
});
