import type { Grade } from './grading/check.js';

type Grader = (mod: Record<string, unknown>) => Promise<Grade>;

export interface Exercise {
  number: number;
  /** The folder under exercises/ holding README.md, grader.ts, starter/ and solution/. */
  slug: string;
  title: string;
  /** The one file the learner writes, the same name in starter/ and solution/. */
  file: string;
  lesson: string;
  /** Loaded on demand, so grading exercise 1 does not boot NestJS. */
  loadGrader: () => Promise<{ grade: Grader }>;
}

/** The exercises in course order. */
export const EXERCISES: readonly Exercise[] = [
  {
    number: 1,
    slug: '01-express-middleware',
    title: 'Express middleware: a request id and requireJson',
    file: 'request-context.ts',
    lesson: 'docs/lessons/04-middleware-and-lifecycle.md',
    loadGrader: () => import('../01-express-middleware/grader.js'),
  },
  {
    number: 2,
    slug: '02-bearer-token-extractor',
    title: 'A bearer-token extractor (RFC 6750 §2.1)',
    file: 'bearer-token.ts',
    lesson: 'docs/lessons/01-bearer-tokens.md',
    loadGrader: () => import('../02-bearer-token-extractor/grader.js'),
  },
  {
    number: 3,
    slug: '03-auth-error-handler',
    title: 'An error handler that answers like RFC 6750 §3',
    file: 'auth-error-handler.ts',
    lesson: 'docs/lessons/06-rbac-401-versus-403.md',
    loadGrader: () => import('../03-auth-error-handler/grader.js'),
  },
  {
    number: 4,
    slug: '04-jwt-verification-policy',
    title: 'A strict JWT verification policy',
    file: 'verify-access-token.ts',
    lesson: 'docs/lessons/09-attacking-jwts.md',
    loadGrader: () => import('../04-jwt-verification-policy/grader.js'),
  },
  {
    number: 5,
    slug: '05-passport-jwt-strategy',
    title: 'A passport-jwt strategy for NestJS',
    file: 'jwt.strategy.ts',
    lesson: 'docs/lessons/05-guards-and-passport-jwt.md',
    loadGrader: () => import('../05-passport-jwt-strategy/grader.js'),
  },
  {
    number: 6,
    slug: '06-roles-guard',
    title: 'A roles guard with @Roles and @Public',
    file: 'roles.guard.ts',
    lesson: 'docs/lessons/06-rbac-401-versus-403.md',
    loadGrader: () => import('../06-roles-guard/grader.js'),
  },
  {
    number: 7,
    slug: '07-csrf-check',
    title: 'A CSRF check for cookie-authenticated requests',
    file: 'csrf-check.ts',
    lesson: 'docs/lessons/07-cookies-and-csrf.md',
    loadGrader: () => import('../07-csrf-check/grader.js'),
  },
  {
    number: 8,
    slug: '08-refresh-rotation',
    title: 'Refresh-token rotation with reuse detection',
    file: 'refresh-tokens.ts',
    lesson: 'docs/lessons/08-refresh-tokens-and-sign-out.md',
    loadGrader: () => import('../08-refresh-rotation/grader.js'),
  },
];
