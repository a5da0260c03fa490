import type { Server } from 'node:http';
import { Controller, Get, type INestApplication, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import {
  describeError,
  expectThat,
  fail,
  missingExports,
  type Check,
  type Grade,
} from '../src/grading/check.js';

const LESSON = 'docs/lessons/06-rbac-401-versus-403.md';

type RolesDecorator = (roles: string[]) => MethodDecorator & ClassDecorator;
type PublicDecorator = () => MethodDecorator & ClassDecorator;

/** The routes a real API has, decorated with the learner's own @Roles and @Public. */
function controllersUsing(Roles: RolesDecorator, Public: PublicDecorator): Type[] {
  @Controller('open')
  class OpenController {
    @Public()
    @Get()
    open() {
      return { ok: true };
    }
  }

  @Public()
  @Controller('handbook')
  class HandbookController {
    @Get()
    read() {
      return { ok: true };
    }
  }

  @Controller()
  class ArticlesController {
    @Get('undeclared')
    undeclared() {
      return { ok: true };
    }

    @Roles(['admin'])
    @Get('admin')
    admin() {
      return { ok: true };
    }

    @Roles(['editor', 'admin'])
    @Get('editorial')
    editorial() {
      return { ok: true };
    }

    @Roles([])
    @Get('nobody')
    nobody() {
      return { ok: true };
    }
  }

  @Roles(['editor'])
  @Controller('desk')
  class DeskController {
    @Get('queue')
    queue() {
      return { ok: true };
    }

    @Roles(['admin'])
    @Get('purge')
    purge() {
      return { ok: true };
    }

    @Public()
    @Get('notice')
    notice() {
      return { ok: true };
    }
  }

  return [OpenController, HandbookController, ArticlesController, DeskController];
}

async function boot(mod: Record<string, unknown>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    controllers: controllersUsing(mod.Roles as RolesDecorator, mod.Public as PublicDecorator),
    providers: [{ provide: APP_GUARD, useClass: mod.RolesGuard as Type }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  // Stands in for authentication: the caller's role arrives in a test header, as a verified token's would.
  app.use((req: Request & { user?: unknown }, _res: Response, next: NextFunction) => {
    const role = req.get('x-test-role');
    if (role !== undefined) req.user = { id: 'u1', role };
    next();
  });
  await app.init();
  return app;
}

interface Case {
  behaviour: string;
  path: string;
  role?: string;
  status: 200 | 401 | 403;
  rule: string;
}

const DENY_BY_DEFAULT =
  'OWASP Authorization Cheat Sheet: deny by default — a route that states no rule is closed';
const EXACT =
  'roles are compared whole and exactly (Array.includes / ===), never as substrings or case-insensitively';

const CASES: Case[] = [
  {
    behaviour: '@Public() route: open without a user',
    path: '/open',
    status: 200,
    rule: '@Public() opens a route',
  },
  {
    behaviour: '@Public() on a controller: all its routes open',
    path: '/handbook',
    status: 200,
    rule: 'read @Public() from the handler and the class (getAllAndOverride)',
  },
  {
    behaviour: '@Public() handler inside a @Roles controller: open',
    path: '/desk/notice',
    status: 200,
    rule: "the handler's decorator overrides the class's (getAllAndOverride, handler first)",
  },
  {
    behaviour: 'a route with no @Roles: 403 even for admin',
    path: '/undeclared',
    role: 'admin',
    status: 403,
    rule: DENY_BY_DEFAULT,
  },
  {
    behaviour: 'a route with no @Roles and no user: 401',
    path: '/undeclared',
    status: 401,
    rule: 'RFC 9110 §15.5.2: without credentials the answer is 401 (who are you?), not 403',
  },
  {
    behaviour: '@Roles([]): closed to everyone',
    path: '/nobody',
    role: 'admin',
    status: 403,
    rule: DENY_BY_DEFAULT,
  },
  {
    behaviour: "@Roles(['admin']): admin gets in",
    path: '/admin',
    role: 'admin',
    status: 200,
    rule: 'a listed role is allowed',
  },
  {
    behaviour: "@Roles(['admin']): editor gets 403",
    path: '/admin',
    role: 'editor',
    status: 403,
    rule: 'RFC 9110 §15.5.4: a known caller without the role gets 403',
  },
  {
    behaviour: "@Roles(['admin']): no user gets 401",
    path: '/admin',
    status: 401,
    rule: 'RFC 9110 §15.5.2: 401 when the caller is unknown; 403 would tell a client that signing in cannot help',
  },
  {
    behaviour: '@Roles([\'admin\']): role "adm" gets 403',
    path: '/admin',
    role: 'adm',
    status: 403,
    rule: EXACT,
  },
  {
    behaviour: '@Roles([\'admin\']): role "superadmin" gets 403',
    path: '/admin',
    role: 'superadmin',
    status: 403,
    rule: EXACT,
  },
  {
    behaviour: '@Roles([\'admin\']): role "ADMIN" gets 403',
    path: '/admin',
    role: 'ADMIN',
    status: 403,
    rule: EXACT,
  },
  {
    behaviour: '@Roles([\'admin\']): role "constructor" gets 403',
    path: '/admin',
    role: 'constructor',
    status: 403,
    rule: 'a lookup object has inherited keys (constructor, __proto__): compare against the list itself',
  },
  {
    behaviour: "@Roles(['editor', 'admin']): editor gets in",
    path: '/editorial',
    role: 'editor',
    status: 200,
    rule: 'any one listed role is enough',
  },
  {
    behaviour: "@Roles(['editor', 'admin']): writer gets 403",
    path: '/editorial',
    role: 'writer',
    status: 403,
    rule: 'only listed roles',
  },
  {
    behaviour: "class @Roles(['editor']): editor reaches its routes",
    path: '/desk/queue',
    role: 'editor',
    status: 200,
    rule: 'read @Roles() from the class when the handler has none',
  },
  {
    behaviour: "class @Roles(['editor']): writer gets 403",
    path: '/desk/queue',
    role: 'writer',
    status: 403,
    rule: 'read @Roles() from the class when the handler has none',
  },
  {
    behaviour: "handler @Roles(['admin']) overrides the class's ['editor']: editor gets 403",
    path: '/desk/purge',
    role: 'editor',
    status: 403,
    rule: "the handler's @Roles() overrides the class's (getAllAndOverride), it does not add to it",
  },
  {
    behaviour: "handler @Roles(['admin']) overrides the class's ['editor']: admin gets in",
    path: '/desk/purge',
    role: 'admin',
    status: 200,
    rule: "the handler's @Roles() overrides the class's (getAllAndOverride)",
  },
];

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, {
    Roles: 'function',
    Public: 'function',
    RolesGuard: 'function',
  });
  if (missing.length > 0) return { checks: missing };
  let app: INestApplication;
  try {
    app = await boot(mod);
  } catch (error) {
    return {
      checks: [
        fail('a Nest app boots with the guard and decorators', describeError(error), LESSON),
      ],
    };
  }
  const checks: Check[] = [];
  try {
    for (const testCase of CASES) {
      let req = request(app.getHttpServer() as Server).get(testCase.path);
      if (testCase.role !== undefined) req = req.set('X-Test-Role', testCase.role);
      const res = await req;
      checks.push(
        expectThat(
          testCase.behaviour,
          res.status === testCase.status,
          () =>
            `GET ${testCase.path} ${testCase.role === undefined ? 'without a user' : `as ${JSON.stringify(testCase.role)}`} answered ${res.status}, expected ${testCase.status} — ${testCase.rule}`,
          LESSON,
        ),
      );
    }
  } finally {
    await app.close();
  }
  return { checks };
}
