import { Controller, Get, Module, Post, UseGuards, type CanActivate } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { RouteMetadata } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roles } from '../src/auth/decorators/roles.decorator.js';
import { RequirePermissions } from '../src/auth/decorators/require-permissions.decorator.js';
import { API_PREFIX } from '../src/meta/api-prefix.js';
import { RouteCatalogue } from '../src/meta/route-catalogue.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const find = (routes: RouteMetadata[], method: string, path: string) =>
  routes.find((route) => route.method === method && route.path === path);

describe('GET /api/meta/routes', () => {
  let testApp: TestApp;
  let routes: RouteMetadata[];

  beforeAll(async () => {
    testApp = await startTestApp();
    routes = (
      (await testApp.http.get('/api/meta/routes').expect(200)).body as { routes: RouteMetadata[] }
    ).routes;
  });
  afterAll(() => testApp?.close());

  it('lists every article route with the permission its decorator requires', () => {
    expect(
      [
        'GET /api/articles',
        'GET /api/articles/:id',
        'POST /api/articles',
        'PUT /api/articles/:id',
        'PATCH /api/articles/:id',
        'DELETE /api/articles/:id',
      ].map((key) => {
        const [method, path] = key.split(' ') as [string, string];
        return [key, find(routes, method, path)?.permissions];
      }),
    ).toEqual([
      ['GET /api/articles', ['read']],
      ['GET /api/articles/:id', ['read']],
      ['POST /api/articles', ['create']],
      ['PUT /api/articles/:id', ['update']],
      ['PATCH /api/articles/:id', ['update']],
      ['DELETE /api/articles/:id', ['delete']],
    ]);
  });

  it('shows public routes, admin-only routes, guards, interceptors and pipes', () => {
    expect(find(routes, 'GET', '/api/health')).toMatchObject({
      public: true,
      roles: null,
      permissions: null,
    });
    expect(find(routes, 'POST', '/api/auth/signup')).toMatchObject({
      public: true,
      pipes: ['ZodValidationPipe(request body)'],
    });
    expect(find(routes, 'GET', '/.well-known/jwks.json')).toMatchObject({
      public: true,
      controller: 'JwksController',
    });
    expect(find(routes, 'PATCH', '/api/users/:id/role')).toMatchObject({
      public: false,
      roles: ['admin'],
      guards: ['JwtAuthGuard', 'RevocationGuard', 'CsrfGuard', 'RolesGuard'],
      interceptors: ['TracingInterceptor'],
      pipes: ['ZodValidationPipe(request body)', 'ZodValidationPipe(route parameter "id")'],
      summary: "Change a user's role (admins only)",
    });
    expect(find(routes, 'GET', '/api/traces/:id')).toMatchObject({
      public: false,
      optionalAuth: true,
    });
  });

  it('has a rule for every route: public, optional, or a role or permission requirement', () => {
    const unruled = routes.filter(
      (route) => !route.public && !route.optionalAuth && !route.roles && !route.permissions,
    );
    expect(unruled).toEqual([]);
  });
});

@Controller('reports')
@UseGuards(
  class AuditGuard implements CanActivate {
    canActivate() {
      return true;
    }
  },
)
class ReportsController {
  @Get()
  @Roles(['editor', 'admin'])
  list() {
    return [];
  }

  @Post()
  @RequirePermissions(['create'])
  create() {
    return {};
  }

  @Get('forgotten')
  forgotten() {
    return 'no rule: closed';
  }
}

class PlaceholderGuard implements CanActivate {
  canActivate() {
    return true;
  }
}

@Module({
  imports: [DiscoveryModule],
  controllers: [ReportsController],
  providers: [
    RouteCatalogue,
    { provide: API_PREFIX, useValue: 'api' },
    { provide: APP_GUARD, useClass: PlaceholderGuard },
  ],
})
class ReportsModule {}

describe('the route catalogue reads decorators, not a table', () => {
  it('lists a route added in a test module with its @Roles() and its own guards', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ReportsModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const listed = app.get(RouteCatalogue).list();
      expect(find(listed, 'GET', '/api/reports')).toMatchObject({
        controller: 'ReportsController',
        handler: 'list',
        roles: ['editor', 'admin'],
        permissions: null,
        guards: ['PlaceholderGuard', 'AuditGuard'],
      });
      expect(find(listed, 'POST', '/api/reports')).toMatchObject({
        permissions: ['create'],
        roles: null,
      });
      expect(find(listed, 'GET', '/api/reports/forgotten')).toMatchObject({
        public: false,
        roles: null,
        permissions: null,
      });
    } finally {
      await app.close();
    }
  });
});
