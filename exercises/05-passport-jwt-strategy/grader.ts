import type { Server } from 'node:http';
import { Controller, Get, Req, UseGuards, type INestApplication, type Type } from '@nestjs/common';
import { AuthGuard, PassportModule } from '@nestjs/passport';
import { Test } from '@nestjs/testing';
import type { Request } from 'express';
import request from 'supertest';
import {
  describeError,
  expectThat,
  fail,
  missingExports,
  type Check,
  type Grade,
} from '../src/grading/check.js';
import { jws, makeKeys, wellMade, type Keys } from '../src/grading/tokens.js';

const LESSON = 'docs/lessons/05-guards-and-passport-jwt.md';

@Controller()
class MeController {
  @Get('me')
  @UseGuards(AuthGuard('jwt'))
  me(@Req() req: Request) {
    return req.user;
  }
}

/** A tiny real Nest app: the learner's strategy, passport, one protected route. */
async function boot(strategy: Type, keyToken: string, keys: Keys): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [PassportModule],
    controllers: [MeController],
    providers: [strategy, { provide: keyToken, useValue: keys.publicKeyPem }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

interface Case {
  behaviour: string;
  send: (keys: Keys) => { path?: string; authorization?: string };
  expectStatus: 200 | 401;
  rule: string;
}

const withClaims =
  (change: (claims: Record<string, unknown>) => Record<string, unknown>) => (keys: Keys) => {
    const { header, claims } = wellMade(keys);
    return {
      authorization: `Bearer ${jws(header, change({ ...claims }), { es256: keys.privateKey })}`,
    };
  };
const drop = (name: string) =>
  withClaims((claims) =>
    Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name)),
  );

const CASES: Case[] = [
  {
    behaviour: 'a valid bearer token gets in (200)',
    send: withClaims((c) => c),
    expectStatus: 200,
    rule: 'the strategy must read the Authorization header and verify with the provided ES256 key',
  },
  {
    behaviour: 'the scheme is read case-insensitively ("bearer")',
    send: (keys) => ({
      authorization: withClaims((c) => c)(keys).authorization.replace('Bearer', 'bearer'),
    }),
    expectStatus: 200,
    rule: 'RFC 9110 §11.1: the auth-scheme is case-insensitive',
  },
  { behaviour: 'no token: 401', send: () => ({}), expectStatus: 401, rule: 'deny by default' },
  {
    behaviour: 'a token in the query string (?access_token=) is not read',
    send: (keys) => ({
      path: `/me?access_token=${withClaims((c) => c)(keys).authorization.slice(7)}`,
    }),
    expectStatus: 401,
    rule: 'RFC 6750 §2.3 and §5.3: tokens in URLs leak; extract from the Authorization header only (ExtractJwt.fromAuthHeaderAsBearerToken())',
  },
  {
    behaviour: 'a token sent as "JWT <token>" is not read',
    send: (keys) => ({
      authorization: withClaims((c) => c)(keys).authorization.replace('Bearer', 'JWT'),
    }),
    expectStatus: 401,
    rule: 'RFC 6750 §2.1: the scheme is Bearer',
  },
  {
    behaviour: 'alg "none": 401',
    send: (keys) => {
      const { header, claims } = wellMade(keys);
      return { authorization: `Bearer ${jws({ ...header, alg: 'none' }, claims, 'none')}` };
    },
    expectStatus: 401,
    rule: "RFC 8725 §3.1: pin algorithms: ['ES256']",
  },
  {
    behaviour: 'HS256 signed with the public key (algorithm confusion): 401',
    send: (keys) => {
      const { header, claims } = wellMade(keys);
      return {
        authorization: `Bearer ${jws({ ...header, alg: 'HS256' }, claims, { hmac: keys.publicKeyPem })}`,
      };
    },
    expectStatus: 401,
    rule: "RFC 8725 §2.1: pin algorithms: ['ES256']",
  },
  {
    behaviour: 'a token signed by another key: 401',
    send: (keys) => {
      const { header, claims } = wellMade(keys);
      return { authorization: `Bearer ${jws(header, claims, { es256: keys.attackerPrivateKey })}` };
    },
    expectStatus: 401,
    rule: 'secretOrKey is the provided public key',
  },
  {
    behaviour: 'another issuer: 401',
    send: withClaims((c) => ({ ...c, iss: 'https://evil.example' })),
    expectStatus: 401,
    rule: "RFC 8725 §3.8: pin issuer: 'authlab'",
  },
  {
    behaviour: 'another audience: 401',
    send: withClaims((c) => ({ ...c, aud: 'billing-api' })),
    expectStatus: 401,
    rule: "RFC 7519 §4.1.3: pin audience: 'authlab-api', or a token for any of your services opens this one",
  },
  {
    behaviour: 'no audience: 401',
    send: drop('aud'),
    expectStatus: 401,
    rule: "RFC 9068 §4: pin audience: 'authlab-api'",
  },
  {
    behaviour: 'an expired token: 401',
    send: withClaims((c) => ({ ...c, iat: Number(c.iat) - 1500, exp: Number(c.iat) - 600 })),
    expectStatus: 401,
    rule: 'RFC 7519 §4.1.4: leave ignoreExpiration false',
  },
  {
    behaviour: 'a token without exp: 401',
    send: drop('exp'),
    expectStatus: 401,
    rule: 'RFC 9068 §2.2: exp is required, and jsonwebtoken accepts a token without it as never expiring — refuse it in validate()',
  },
  {
    behaviour: 'a token without sub: 401',
    send: drop('sub'),
    expectStatus: 401,
    rule: 'RFC 9068 §2.2: sub is required — refuse it in validate()',
  },
];

export async function grade(mod: Record<string, unknown>): Promise<Grade> {
  const missing = missingExports(mod, { JwtStrategy: 'function', JWT_VERIFICATION_KEY: 'string' });
  if (missing.length > 0) return { checks: missing };
  const keys = makeKeys();
  let app: INestApplication;
  try {
    app = await boot(mod.JwtStrategy as Type, mod.JWT_VERIFICATION_KEY as string, keys);
  } catch (error) {
    return { checks: [fail('a Nest app boots with the strategy', describeError(error), LESSON)] };
  }
  const checks: Check[] = [];
  try {
    for (const testCase of CASES) {
      const { path = '/me', authorization } = testCase.send(keys);
      let req = request(app.getHttpServer() as Server).get(path);
      if (authorization) req = req.set('Authorization', authorization);
      const res = await req;
      const user = res.body as { id?: unknown; role?: unknown };
      const passed =
        res.status === testCase.expectStatus &&
        (res.status !== 200 || (user.id === 'ada' && user.role === 'writer'));
      checks.push(
        expectThat(
          testCase.behaviour,
          passed,
          () =>
            res.status === 200 && testCase.expectStatus === 200
              ? `req.user was ${res.text}, expected { "id": "ada", "role": "writer" } from validate()`
              : `answered ${res.status}, expected ${testCase.expectStatus} — ${testCase.rule}`,
          LESSON,
        ),
      );
    }
  } finally {
    await app.close();
  }
  return { checks };
}
