import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { Learner } from './support/learner';

/** How a learner completes a lesson through the playground; one file per lesson in e2e/lessons/. */
export type LessonWalk = (learner: Learner) => Promise<void>;

const WALKS = import.meta.glob<{ walk: LessonWalk }>('./lessons/*.walk.ts', { eager: true });
const LESSON_FILES = readdirSync(fileURLToPath(new URL('../../../docs/lessons', import.meta.url)))
  .filter((name) => /^\d+-.+\.md$/.test(name))
  .sort();

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('every lesson in docs/lessons, walked to completion in Chromium against the real API', () => {
  it.each(LESSON_FILES)('%s', { timeout: 90_000 }, async (file) => {
    // The build insists on NN-<id>.md, so the id is the file name's rest.
    const lessonId = file.replace(/^\d+-/, '').replace(/\.md$/, '');
    const walk = WALKS[`./lessons/${lessonId}.walk.ts`]?.walk;
    expect(walk, `No walkthrough for ${file}: add e2e/lessons/${lessonId}.walk.ts`).toBeTypeOf(
      'function',
    );

    const learner = await Learner.open(browser, lessonId);
    try {
      await walk!(learner);
      await learner.expectComplete();
    } finally {
      await learner.close();
    }
  });
});
