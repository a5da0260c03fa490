import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { Clock, CLOCK } from '../clock/clock.js';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { Test } from '@nestjs/testing';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@authlab/shared';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter.js';
import { ApiException } from '../common/errors/api-exception.js';
import { ConfigModule } from '../config/config.module.js';
import { loadConfig } from '../config/load-config.js';
import type { AuthenticatedUser } from './authentication/authenticated-user.js';
import { CurrentUser } from './decorators/current-user.decorator.js';
import { Public } from './decorators/public.decorator.js';
import { RequirePermissions } from './decorators/require-permissions.decorator.js';
import { Roles } from './decorators/roles.decorator.js';
import { JwtStrategy } from './authentication/jwt.strategy.js';
import { hmacKeys, SIGNING_KEYS } from './tokens/signing-keys.js';
import { TokenRejection } from './authentication/token-rejection.js';
import { JwtAuthGuard } from './authentication/jwt-auth.guard.js';
import { RolesGuard } from './authorization/roles.guard.js';

const ISSUER = 'issuer-under-test';
const AUDIENCE = 'audience-under-test';
const config = loadConfig(
  { NODE_ENV: 'test', SQLITE_FILE: ':memory:', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE },
  [],
);
const keys = hmacKeys(randomBytes(32));

@Controller('probe')
class ProbeController {
  @Public()
  @Get('public')
  open() {
    return { reached: 'public' };
  }

  @Get('no-rule')
  noRule() {
    return { reached: 'no-rule' };
  }

  @Roles(['editor'])
  @Get('editors')
  editors() {
    return { reached: 'editors' };
  }

  @RequirePermissions(['delete'])
  @Get('deleters')
  deleters() {
    return { reached: 'deleters' };
  }

  @RequirePermissions(['update', 'delete'])
  @Get('updaters-and-deleters')
  updatersAndDeleters() {
    return { reached: 'updaters-and-deleters' };
  }

  @Roles(['user', 'writer', 'editor', 'admin'])
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }
}

@Roles(['admin'])
@Controller('admin-area')
class AdminAreaController {
  @Get('class-rule')
  classRule() {
    return { reached: 'class-rule' };
  }

  @Roles(['user'])
  @Get('handler-rule')
  handlerRule() {
    return { reached: 'handler-rule' };
  }

  @Public()
  @Get('public')
  open() {
    return { reached: 'admin-area public' };
  }
}

interface TokenOptions {
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  key?: KeyObject;
  algorithm?: jwt.Algorithm;
}

function accessToken({
  claims = {},
  header = {},
  key = keys.signingKey,
  algorithm = 'HS256',
}: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const defaults = {
    sub: '7',
    username: 'alice',
    role: 'user',
    jti: randomUUID(),
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + 300,
    sid: 'J2wGvGQ3m1KX3vS8mT0Qxw',
    ver: 0,
  };
  // A claim set to undefined is left out of the token.
  const payload = Object.fromEntries(
    Object.entries({ ...defaults, ...claims }).filter(([, value]) => value !== undefined),
  );
  const fullHeader = { alg: algorithm, typ: 'at+jwt', kid: keys.kid, ...header };
  return algorithm === 'none'
    ? jwt.sign(payload, null, { algorithm, header: fullHeader })
    : jwt.sign(payload, key, { algorithm, header: fullHeader });
}

function bearerFor(role: Role): string {
  return `Bearer ${accessToken({ claims: { role } })}`;
}

describe('the global JwtAuthGuard and RolesGuard', () => {
  let app: INestApplication;

  function get(path: string, authorization?: string) {
    const pending = request(app.getHttpServer()).get(path);
    return authorization === undefined ? pending : pending.set('Authorization', authorization);
  }

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), PassportModule],
      controllers: [ProbeController, AdminAreaController],
      providers: [
        JwtStrategy,
        { provide: SIGNING_KEYS, useValue: keys },
        { provide: CLOCK, useValue: new Clock(false) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('authentication', () => {
    it('opens a @Public() route to a request without a token', async () => {
      const response = await get('/probe/public');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ reached: 'public' });
    });

    it('opens a @Public() handler even when its class requires a role', async () => {
      expect((await get('/admin-area/public')).status).toBe(200);
    });

    it('answers 401 with a bare challenge when no token is sent', async () => {
      const response = await get('/probe/me');
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="authlab"');
      expect(response.body).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'This route needs an access token.',
      });
    });

    it('answers 401 with a bare challenge when another scheme is sent', async () => {
      const response = await get('/probe/me', 'Basic YWxpY2U6c2VjcmV0');
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="authlab"');
    });

    it('answers 400 invalid_request to a Bearer header that breaks the syntax', async () => {
      const response = await get('/probe/me', 'Bearer a b');
      expect(response.status).toBe(400);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="authlab", error="invalid_request", error_description="The bearer token contains characters a token cannot have"',
      );
    });

    it('hands the verified caller to @CurrentUser()', async () => {
      const token = accessToken({
        claims: { sub: '7', username: 'alice', role: 'writer', jti: 'token-id-1' },
      });
      const response = await get('/probe/me', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        kind: 'user',
        id: 7,
        username: 'alice',
        role: 'writer',
        permissions: ['read', 'create', 'update', 'delete'],
        tokenId: 'token-id-1',
        issuedAt: (jwt.decode(token) as { iat: number }).iat,
        expiresAt: (jwt.decode(token) as { exp: number }).exp,
        sessionId: 'J2wGvGQ3m1KX3vS8mT0Qxw',
        tokenVersion: 0,
      });
    });

    it('tells the client that an expired token has expired', async () => {
      const expired = accessToken({ claims: { exp: Math.floor(Date.now() / 1000) - 60 } });
      const response = await get('/probe/me', `Bearer ${expired}`);
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('The access token has expired.');
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="authlab", error="invalid_token", error_description="The access token has expired"',
      );
    });

    it.each([
      ['another audience', { claims: { aud: 'some-other-api' } }],
      ['another issuer', { claims: { iss: 'https://attacker.example' } }],
      ['another key', { key: hmacKeys(randomBytes(32)).signingKey }],
      ['alg "none"', { algorithm: 'none' as const }],
      ['an algorithm that is not configured', { algorithm: 'HS512' as const }],
      ['a jku header', { header: { jku: 'https://attacker.example/jwks.json' } }],
      ['typ "JWT"', { header: { typ: 'JWT' } }],
      ['an unknown kid', { header: { kid: 'another-key' } }],
      ['no exp', { claims: { exp: undefined } }],
      ['the role "constructor"', { claims: { role: 'constructor' } }],
      ['the role "Admin"', { claims: { role: 'Admin' } }],
      ['a sub that is no user id', { claims: { sub: 'alice' } }],
    ])('answers 401 invalid_token to a token with %s', async (_case, options: TokenOptions) => {
      const response = await get('/probe/me', `Bearer ${accessToken(options)}`);
      expect(response.status).toBe(401);
      expect(response.body.message).toBe('The access token is invalid.');
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="authlab", error="invalid_token", error_description="The access token is invalid"',
      );
    });

    it('never shows the client the configured audience or issuer', async () => {
      for (const claims of [{ aud: 'some-other-api' }, { iss: 'https://attacker.example' }]) {
        const response = await get('/probe/me', `Bearer ${accessToken({ claims })}`);
        const visible = `${response.headers['www-authenticate']} ${response.text}`;
        expect(response.status).toBe(401);
        expect(visible).not.toContain(AUDIENCE);
        expect(visible).not.toContain(ISSUER);
        expect(visible).not.toContain('expected');
      }
    });
  });

  describe('authorization', () => {
    it('closes a route that declares no rule, even to an admin', async () => {
      const response = await get('/probe/no-rule', bearerFor('admin'));
      expect(response.status).toBe(403);
      expect(response.body.message).toBe(
        'This route declares no access rule, so it is closed to everyone.',
      );
    });

    it('lets in the exact role named by @Roles()', async () => {
      const response = await get('/probe/editors', bearerFor('editor'));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ reached: 'editors' });
    });

    it.each(['user', 'writer', 'admin'] as const)(
      'keeps %s out of an @Roles(["editor"]) route',
      async (role) => {
        const response = await get('/probe/editors', bearerFor(role));
        expect(response.status).toBe(403);
        expect(response.body.message).toBe(
          `This route is for the editor role; your role is ${role}.`,
        );
        expect(response.headers['www-authenticate']).toBe(
          'Bearer realm="authlab", error="insufficient_scope", scope="editor"',
        );
      },
    );

    it('lets in a role that grants the permission named by @RequirePermissions()', async () => {
      expect((await get('/probe/deleters', bearerFor('admin'))).status).toBe(200);
    });

    it('names the missing permission in the message and the challenge', async () => {
      const response = await get('/probe/deleters', bearerFor('editor'));
      expect(response.status).toBe(403);
      expect(response.body.message).toBe(
        'Your role (editor) lacks the "delete" permission this route requires.',
      );
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="authlab", error="insufficient_scope", scope="delete"',
      );
    });

    it('asks for every listed permission and names only those missing', async () => {
      expect((await get('/probe/updaters-and-deleters', bearerFor('writer'))).status).toBe(200);
      const response = await get('/probe/updaters-and-deleters', bearerFor('editor'));
      expect(response.status).toBe(403);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="authlab", error="insufficient_scope", scope="delete"',
      );
    });

    it('applies a class-level @Roles() to handlers without their own', async () => {
      expect((await get('/admin-area/class-rule', bearerFor('admin'))).status).toBe(200);
      expect((await get('/admin-area/class-rule', bearerFor('user'))).status).toBe(403);
    });

    it('lets a handler-level @Roles() override the class-level one', async () => {
      expect((await get('/admin-area/handler-rule', bearerFor('user'))).status).toBe(200);
      expect((await get('/admin-area/handler-rule', bearerFor('admin'))).status).toBe(403);
    });
  });
});

describe('JwtAuthGuard.handleRequest', () => {
  const guard = new JwtAuthGuard(new Reflector(), config);

  it('rethrows an error that is not about the token, so it becomes a 500', () => {
    const outage = new Error('the deny-list store is unreachable');
    expect(() => guard.handleRequest(outage, false, undefined)).toThrow(outage);
  });

  it('turns a TokenRejection into a 401 that hides its detail', () => {
    const rejection = new TokenRejection(
      'wrong_audience',
      `jwt audience invalid. expected: ${AUDIENCE}`,
    );
    let thrown: unknown;
    try {
      guard.handleRequest(rejection, false, undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiException);
    expect((thrown as ApiException).getStatus()).toBe(401);
    expect((thrown as ApiException).message).toBe('The access token is invalid.');
  });
});
