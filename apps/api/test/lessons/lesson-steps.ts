import type { AddressInfo } from 'node:net';
import { isKnowledgeStep, type LessonCheck, type PredictKnowledge } from '@authlab/shared';
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

/**
 * A predict-then-send knowledge check: `send` sends the request the question is about. The
 * option the lesson marks correct must be what the real API does, and no other option may be.
 */
export interface PredictPaths {
  before?: Path;
  send: Path;
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
export function describeLessonSteps(
  file: string,
  paths: Record<string, StepPaths | PredictPaths>,
): void {
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

    // A multiple-choice knowledge check asks nothing of the API (evaluate-knowledge.spec.ts tests it).
    const tested = lesson.steps.filter(
      (step) => !isKnowledgeStep(step) || step.knowledge.type === 'predict',
    );
    it('has paths for exactly its action steps and predictions', () => {
      expect(Object.keys(paths).sort()).toEqual(tested.map((step) => step.id).sort());
    });

    const predictionOf = async (
      knowledge: PredictKnowledge,
      step: PredictPaths,
      option: number,
      sendFirst = false,
    ) => {
      const learner = new Learner(testApp, origin);
      try {
        await learner.open();
        await step.before?.(learner);
        if (sendFirst) await step.send(learner);
        const answer = await learner.commit(knowledge, option);
        if (!sendFirst) await step.send(learner);
        return await learner.judge(knowledge, answer);
      } finally {
        learner.close();
      }
    };

    for (const step of lesson.steps) {
      const stepPaths = paths[step.id];
      if (!stepPaths) continue;
      if (isKnowledgeStep(step)) {
        const { knowledge } = step;
        if (knowledge.type !== 'predict' || !('send' in stepPaths)) continue;
        knowledge.options.forEach((option, index) => {
          it(`${step.id}: the prediction "${option.text}" is ${option.correct ? 'right' : 'wrong'} against the real API`, async () => {
            expect((await predictionOf(knowledge, stepPaths, index)).state).toBe(
              option.correct ? 'right' : 'wrong',
            );
          });
        });
        it(`${step.id}: a prediction committed after sending waits for a new request`, async () => {
          const correct = knowledge.options.findIndex((option) => option.correct);
          expect((await predictionOf(knowledge, stepPaths, correct, true)).state).toBe('waiting');
        });
        continue;
      }
      if (!('solution' in stepPaths)) continue;
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
