import { EXERCISES as LISTED, type ExerciseResult } from '@authlab/shared';
import type { Grade } from './grading/check.js';

type Grader = (mod: Record<string, unknown>) => Promise<Grade>;

interface Grading {
  /** The folder under exercises/ holding README.md, grader.ts, starter/ and solution/. */
  slug: string;
  /** The one file the learner writes, the same name in starter/ and solution/. */
  file: string;
  lesson: string;
  /** Loaded on demand, so grading exercise 1 does not boot NestJS. */
  loadGrader: () => Promise<{ grade: Grader }>;
}

export type Exercise = (typeof LISTED)[number] & Grading;

/** Number and title come from @authlab/shared, which the playground reads too. */
const GRADING: Record<ExerciseResult['exercise'], Grading> = {
  1: {
    slug: '01-express-middleware',
    file: 'request-context.ts',
    lesson: 'docs/lessons/04-middleware-and-lifecycle.md',
    loadGrader: () => import('../01-express-middleware/grader.js'),
  },
  2: {
    slug: '02-bearer-token-extractor',
    file: 'bearer-token.ts',
    lesson: 'docs/lessons/01-bearer-tokens.md',
    loadGrader: () => import('../02-bearer-token-extractor/grader.js'),
  },
  3: {
    slug: '03-auth-error-handler',
    file: 'auth-error-handler.ts',
    lesson: 'docs/lessons/06-rbac-401-versus-403.md',
    loadGrader: () => import('../03-auth-error-handler/grader.js'),
  },
  4: {
    slug: '04-jwt-verification-policy',
    file: 'verify-access-token.ts',
    lesson: 'docs/lessons/09-attacking-jwts.md',
    loadGrader: () => import('../04-jwt-verification-policy/grader.js'),
  },
  5: {
    slug: '05-passport-jwt-strategy',
    file: 'jwt.strategy.ts',
    lesson: 'docs/lessons/05-guards-and-passport-jwt.md',
    loadGrader: () => import('../05-passport-jwt-strategy/grader.js'),
  },
  6: {
    slug: '06-roles-guard',
    file: 'roles.guard.ts',
    lesson: 'docs/lessons/06-rbac-401-versus-403.md',
    loadGrader: () => import('../06-roles-guard/grader.js'),
  },
  7: {
    slug: '07-csrf-check',
    file: 'csrf-check.ts',
    lesson: 'docs/lessons/07-cookies-and-csrf.md',
    loadGrader: () => import('../07-csrf-check/grader.js'),
  },
  8: {
    slug: '08-refresh-rotation',
    file: 'refresh-tokens.ts',
    lesson: 'docs/lessons/08-refresh-tokens-and-sign-out.md',
    loadGrader: () => import('../08-refresh-rotation/grader.js'),
  },
};

/** The exercises in course order. */
export const EXERCISES: readonly Exercise[] = LISTED.map((listed) => {
  const grading = GRADING[listed.number];
  if (!grading) throw new Error(`exercise ${listed.number} has no grader`);
  return { ...listed, ...grading };
});
