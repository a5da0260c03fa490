import type { AddressInfo } from 'node:net';
import type { LessonCheck } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Learner } from './learner.js';
import { readLesson } from './lesson-files.js';

type Path = (learner: Learner) => Promise<void>;

export interface StepPaths {
  /** What must be done first (earlier steps), before and after the lesson is opened alike. */
  before?: Path;
  /** The step's own written solution. */
  solution: Path;
  /** Ways to reach the same screen without doing what the step teaches: none may tick it. */
  lazy: Record<string, Path>;
}

function usesRequests(check: LessonCheck): boolean {
  if (check.type === 'all') return check.checks.some(usesRequests);
  return check.type === 'request' || check.type === 'linked-requests';
}

/**
 * For every step of a lesson: its solution, run by a fresh learner against the real API, meets
 * the step's check; every lazy path does not; and the solution done before the lesson was opened
 * does not either. A lesson step without paths here fails the test.
 */
export function describeLessonSteps(file: string, paths: Record<string, StepPaths>): void {
  const lesson = readLesson(file);

  describe(`${file}: every step met by its solution, never by a lazy path`, () => {
    let testApp: TestApp;
    let origin: string;
    beforeAll(async () => {
      testApp = await startTestApp({ demo: true, lab: true });
      // Listening, so a learner can follow the live trace stream as the runner does.
      await testApp.app.listen(0, '127.0.0.1');
      origin = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    });
    afterAll(() => testApp?.close());

    const run = async (
      check: LessonCheck,
      step: StepPaths,
      path: Path,
      openFirst = true,
    ): Promise<boolean> => {
      const learner = new Learner(testApp, origin);
      try {
        if (openFirst) await learner.open();
        await step.before?.(learner);
        await path(learner);
        if (!openFirst) await learner.open();
        return await learner.meets(check);
      } finally {
        learner.close();
      }
    };

    it('has solution and lazy paths for exactly its steps', () => {
      expect(Object.keys(paths).sort()).toEqual(lesson.steps.map((step) => step.id).sort());
    });

    for (const step of lesson.steps) {
      const stepPaths = paths[step.id];
      if (!stepPaths) continue;
      it(`${step.id}: the written solution meets it`, async () => {
        expect(await run(step.check, stepPaths, stepPaths.solution)).toBe(true);
      });
      for (const [name, lazy] of Object.entries(stepPaths.lazy)) {
        it(`${step.id}: lazy path "${name}" does not`, async () => {
          expect(await run(step.check, stepPaths, lazy)).toBe(false);
        });
      }
      it(`${step.id}: lazy path "nothing at all" does not`, async () => {
        expect(await run(step.check, stepPaths, async () => {})).toBe(false);
      });
      if (usesRequests(step.check)) {
        it(`${step.id}: lazy path "the solution, done before the lesson was opened" does not`, async () => {
          expect(await run(step.check, stepPaths, stepPaths.solution, false)).toBe(false);
        });
      }
    }
  });
}
