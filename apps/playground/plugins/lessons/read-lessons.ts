import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { lessonFrontMatterSchema } from '@authlab/shared';
import type { LessonDocument } from '../../src/features/lessons/lib/lesson-document.ts';
import { markdownToTree } from './markdown-to-tree.ts';

/** A lesson file that cannot be used, with the file's name first in its message. */
export class LessonFileError extends Error {
  override readonly name = 'LessonFileError';

  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** "steps[1].check.match.status", from zod's path ["steps", 1, "check", "match", "status"]. */
function issuePath(pathParts: readonly PropertyKey[]): string {
  return (
    pathParts
      .map((part, index) =>
        typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
      )
      .join('') || '(front matter)'
  );
}

/** Parses one lesson file: YAML front matter validated by lessonFrontMatterSchema, then its Markdown body. */
export function parseLesson(file: string, text: string): LessonDocument {
  const parts = FRONT_MATTER.exec(text);
  if (!parts)
    throw new LessonFileError(
      file,
      'the file must start with YAML front matter between two "---" lines.',
    );
  const [, yamlText = '', body = ''] = parts;

  const document = parseDocument(yamlText, { uniqueKeys: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    // Positions in the file, which starts with one "---" line before the YAML.
    const where = yamlError.linePos
      ? ` at line ${yamlError.linePos[0].line + 1}, column ${yamlError.linePos[0].col}`
      : '';
    const message = yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new LessonFileError(
      file,
      `the front matter is not valid YAML${where}: ${message} (quote a sentence that contains ": ")`,
    );
  }

  const parsed = lessonFrontMatterSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issuePath(issue.path)}: ${issue.message}`,
    );
    throw new LessonFileError(file, problems.join('; '));
  }

  const expectedName = `${String(parsed.data.order).padStart(2, '0')}-${parsed.data.id}.md`;
  if (file !== expectedName)
    throw new LessonFileError(file, `the file name must be "${expectedName}" (its order and id).`);

  let tree;
  try {
    tree = markdownToTree(body);
  } catch (error) {
    throw new LessonFileError(file, (error as Error).message);
  }
  return { ...parsed.data, file, body: tree };
}

/** Every lesson in `dir`, in their order; lesson ids and orders must be unique across files. */
export function readLessons(dir: string): LessonDocument[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
  const lessons = files.map((file) =>
    parseLesson(file, readFileSync(path.join(dir, file), 'utf8')),
  );
  const byId = new Map<string, string>();
  const byOrder = new Map<number, string>();
  for (const lesson of lessons) {
    const sameId = byId.get(lesson.id);
    if (sameId)
      throw new LessonFileError(
        lesson.file,
        `lesson id "${lesson.id}" is already used by ${sameId}.`,
      );
    const sameOrder = byOrder.get(lesson.order);
    if (sameOrder)
      throw new LessonFileError(
        lesson.file,
        `order ${lesson.order} is already used by ${sameOrder}.`,
      );
    byId.set(lesson.id, lesson.file);
    byOrder.set(lesson.order, lesson.file);
  }
  return lessons.sort((a, b) => a.order - b.order);
}
