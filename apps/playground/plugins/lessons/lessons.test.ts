// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  evaluateCheck,
  evaluateKnowledge,
  isKnowledgeStep,
  lessonCheckSchema,
  type LessonCheck,
  type LessonState,
  type RequestMatch,
} from '@authlab/shared';
import { markdownToTree } from './markdown-to-tree.ts';
import { LessonFileError, parseLesson, readLessons } from './read-lessons.ts';
import { lessonsPlugin } from './vite-plugin-lessons.ts';

/**
 * The schema test of docs/lessons. It lives beside the build's lesson loader and calls the same
 * parseLesson, so a lesson that passes here is exactly a lesson the playground build accepts.
 */
const LESSONS_DIR = fileURLToPath(new URL('../../../../docs/lessons', import.meta.url));
const LESSON_FILES = readdirSync(LESSONS_DIR)
  .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
  .sort();

/** A learner who has done nothing yet: no token, no verification, no cookie, no request. */
const NOTHING_DONE: LessonState = { cookieMode: false, traces: [] };

function requestMatches(check: LessonCheck): RequestMatch[] {
  if (check.type === 'request') return [check.match];
  if (check.type === 'linked-requests') return check.requests;
  if (check.type === 'all') return check.checks.flatMap(requestMatches);
  return [];
}

describe('every lesson in docs/lessons', () => {
  it('has the ten lessons of the course, at least', () => {
    expect(LESSON_FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(LESSON_FILES)(
    '%s: valid front matter, every check valid and not met before the learner acts, a body',
    (file) => {
      const lesson = parseLesson(file, readFileSync(path.join(LESSONS_DIR, file), 'utf8'));

      for (const step of lesson.steps) {
        if (isKnowledgeStep(step)) {
          // A knowledge check is met only by an answer, and a prediction's request is the API's.
          expect(evaluateKnowledge(step.knowledge, undefined, []).state).toBe('unanswered');
          if (step.knowledge.type === 'predict' && step.knowledge.request.path !== undefined)
            expect(step.knowledge.request.path, `${file} step ${step.id}`).toMatch(
              /^\/(api|\.well-known)\//,
            );
          continue;
        }
        expect(lessonCheckSchema.safeParse(step.check).success, `${file} step ${step.id}`).toBe(
          true,
        );
        // A step already ticked when the lesson opens teaches nothing (e.g. cookie-mode on: false).
        expect(
          evaluateCheck(step.check, NOTHING_DONE),
          `${file} step ${step.id} is met by doing nothing`,
        ).toBe(false);
        for (const match of requestMatches(step.check)) {
          if (match.path !== undefined)
            expect(match.path, `${file} step ${step.id}`).toMatch(/^\/(api|\.well-known)\//);
        }
      }
      expect(lesson.body.length, `${file} has no lesson text`).toBeGreaterThan(0);
      // Every lesson asks at least one question aimed at a misconception of its topic.
      expect(
        lesson.steps.filter(isKnowledgeStep).length,
        `${file} has no knowledge check`,
      ).toBeGreaterThanOrEqual(1);
    },
  );

  it('has unique lesson ids and orders across files, and files named NN-<id>.md', () => {
    const lessons = readLessons(LESSONS_DIR);
    expect(lessons.map((lesson) => lesson.file)).toEqual(LESSON_FILES);
    expect(new Set(lessons.map((lesson) => lesson.id)).size).toBe(lessons.length);
    expect(new Set(lessons.map((lesson) => lesson.order)).size).toBe(lessons.length);
    for (const lesson of lessons)
      expect(new Set(lesson.steps.map((step) => step.id)).size).toBe(lesson.steps.length);
  });
});

const VALID = `---
id: a-lesson
title: A lesson
order: 1
summary: A lesson about something worth learning, in one sentence.
minutes: 5
steps:
  - id: first
    title: The first step
    task: Do the first thing, then look.
    check: { type: token-claim, claim: role, equals: writer }
    hints:
      - A hint that helps.
    solution: Press the button that does it.
---

# A lesson

Some **text**.
`;

describe('the lesson loader', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function lessonsDir(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'authlab-lessons-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('reads a valid lesson', () => {
    const lesson = parseLesson('01-a-lesson.md', VALID);
    expect(lesson).toMatchObject({
      id: 'a-lesson',
      order: 1,
      file: '01-a-lesson.md',
      steps: [{ id: 'first' }],
    });
    expect(lesson.body).toEqual([
      { tag: 'p', children: ['Some ', { tag: 'strong', children: ['text'] }, '.'] },
    ]);
  });

  it('names the file and the schema issue of an invalid check', () => {
    const invalid = VALID.replace(
      '{ type: token-claim, claim: role, equals: writer }',
      '{ type: text, equals: done }',
    );
    expect(() => parseLesson('01-a-lesson.md', invalid)).toThrow(LessonFileError);
    expect(() => parseLesson('01-a-lesson.md', invalid)).toThrow(
      /^01-a-lesson\.md: steps\[0\]\.check(\.type)?: /,
    );
  });

  it('names the file and the line of broken YAML (an unquoted ": " in a sentence)', () => {
    const invalid = VALID.replace(
      'solution: Press the button that does it.',
      'solution: Press it. The payload says "role": "user".',
    );
    expect(() => parseLesson('01-a-lesson.md', invalid)).toThrow(
      /^01-a-lesson\.md: the front matter is not valid YAML at line 14, column 15: Nested mappings are not allowed in compact mappings/,
    );
  });

  it('refuses a file without front matter, a misnamed file, and a repeated id or order', () => {
    expect(() => parseLesson('01-a-lesson.md', '# Just Markdown\n')).toThrow(/front matter/);
    expect(() => parseLesson('1-a-lesson.md', VALID)).toThrow(
      'the file name must be "01-a-lesson.md"',
    );
    const twin = VALID.replace('order: 1', 'order: 2');
    expect(() =>
      readLessons(lessonsDir({ '01-a-lesson.md': VALID, '02-a-lesson.md': twin })),
    ).toThrow('02-a-lesson.md: lesson id "a-lesson" is already used by 01-a-lesson.md.');
  });

  it('fails the build through the Vite plugin with the file name', () => {
    const dir = lessonsDir({ '01-a-lesson.md': VALID.replace('minutes: 5', 'minutes: 500') });
    const plugin = lessonsPlugin({ dir });
    const context = {
      error: (message: string) => {
        throw new Error(message);
      },
      addWatchFile: () => undefined,
    };
    const load = plugin.load as unknown as (this: typeof context, id: string) => string | undefined;
    expect(() => load.call(context, '\0virtual:lessons')).toThrow(
      /^Invalid lesson docs\/lessons\/01-a-lesson\.md: minutes: /,
    );
    expect(load.call(context, 'some-other-module')).toBeUndefined();
  });

  it('exports the lessons as data through the Vite plugin', () => {
    const plugin = lessonsPlugin({ dir: lessonsDir({ '01-a-lesson.md': VALID }) });
    const watched: string[] = [];
    const load = plugin.load as unknown as (this: object, id: string) => string;
    const code = load.call(
      { error: () => undefined, addWatchFile: (file: string) => watched.push(file) },
      '\0virtual:lessons',
    );
    const json = /^export const lessons = JSON\.parse\((.*)\);\n$/.exec(code)?.[1];
    expect(JSON.parse(JSON.parse(json!) as string)).toMatchObject([
      { id: 'a-lesson', body: [{ tag: 'p' }] },
    ]);
    expect(watched).toHaveLength(1);
  });
});

describe('markdownToTree', () => {
  it('keeps raw HTML as text and drops links that are not web pages or anchors', () => {
    const tree = markdownToTree(
      '<script>alert(1)</script>\n\nA [bad](javascript:alert(1)) and a [repo](docs/x.md) and a [good](https://www.rfc-editor.org/rfc/rfc6750) link.\n',
    );
    expect(tree[0]).toEqual({ tag: 'p', children: ['<script>alert(1)</script>'] });
    const links = JSON.stringify(tree[1]);
    // markdown-it refuses the javascript: URL (it stays as the words typed); the repository path loses its link.
    expect(links).not.toContain('"href":"javascript:');
    expect(links).not.toContain('"href":"docs/x.md"');
    expect(links).toContain('{"tag":"span","children":["repo"]}');
    expect(tree[1]).toMatchObject({
      tag: 'p',
      children: expect.arrayContaining([
        { tag: 'a', attrs: { href: 'https://www.rfc-editor.org/rfc/rfc6750' }, children: ['good'] },
      ]),
    });
  });

  it('drops the first level-1 heading, keeps tables with alignment, code blocks with their language, and tight lists flat', () => {
    const tree = markdownToTree(
      '# Title\n\n| a | b |\n| :- | :-: |\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\n- one\n- two\n',
    );
    expect(tree[0]).toMatchObject({ tag: 'table' });
    expect(JSON.stringify(tree[0])).toContain(
      '{"tag":"th","attrs":{"align":"center"},"children":["b"]}',
    );
    expect(tree[1]).toEqual({
      tag: 'pre',
      children: [{ tag: 'code', attrs: { lang: 'ts' }, children: ['const x = 1;\n'] }],
    });
    expect(tree[2]).toEqual({
      tag: 'ul',
      children: [
        { tag: 'li', children: ['one'] },
        { tag: 'li', children: ['two'] },
      ],
    });
  });
});
