/**
 * Baseline 2: what a student writes after a passport-jwt tutorial — bare Express 5, the
 * JwtStrategy, and the role check by hand — answering GET /api/articles with the same JSON as
 * authlab (captured into ARTICLES_JSON_FILE) and the same token rules (HS256 only, issuer,
 * audience, permission "read").
 *
 * SECRET_FORM=buffer passes the secret as the tutorials do; SECRET_FORM=keyobject passes a
 * crypto KeyObject. jsonwebtoken re-parses a Buffer or string secret on every verification
 * (it first tries to read it as a public key, and that failure is expensive).
 */
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type NextFunction, type Request, type Response } from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { listen } from './listen.js';

const articles: unknown = JSON.parse(readFileSync(process.env.ARTICLES_JSON_FILE!, 'utf8'));
const secretBytes = Buffer.from(process.env.JWT_SECRET!, 'base64');
// passport-jwt's types predate KeyObject; jsonwebtoken 9 accepts it.
const secret =
  process.env.SECRET_FORM === 'keyobject'
    ? (createSecretKey(secretBytes) as unknown as Buffer)
    : secretBytes;

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      algorithms: ['HS256'],
      issuer: 'authlab',
      audience: 'authlab-api',
    },
    (payload: { role?: unknown }, done: (error: unknown, user?: unknown) => void) =>
      done(null, payload),
  ),
);

// A Map, not a plain object: a role claim such as "constructor" must find nothing.
const PERMISSIONS = new Map<unknown, string[]>([
  ['user', ['read']],
  ['writer', ['read', 'create']],
  ['editor', ['read', 'create', 'update']],
  ['admin', ['read', 'create', 'update', 'delete']],
]);

function requirePermission(permission: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const user: { role?: unknown } | undefined = request.user;
    const role = user?.role;
    if (PERMISSIONS.get(role)?.includes(permission)) return next();
    response
      .status(403)
      .json({ statusCode: 403, error: 'Forbidden', message: `Requires ${permission}` });
  };
}

// passport's types return `any`; it is an Express middleware.
const authenticate: express.RequestHandler = passport.authenticate('jwt', {
  session: false,
}) as express.RequestHandler;

const app = express();
app.use(passport.initialize());
app.get('/api/articles', authenticate, requirePermission('read'), (_request, response) => {
  response.json(articles);
});

listen(app);
