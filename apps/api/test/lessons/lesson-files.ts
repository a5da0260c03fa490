import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lessonFrontMatterSchema, type LessonFrontMatter } from '@authlab/shared';
import { parse } from 'yaml';

const LESSONS_DIR = fileURLToPath(new URL('../../../../docs/lessons/', import.meta.url));

/**
 * A lesson's front matter, read from docs/lessons and validated by the schema the playground
 * build uses: the steps, checks and solutions tested here are the ones learners get.
 */
export function readLesson(file: string): LessonFrontMatter {
  const text = readFileSync(`${LESSONS_DIR}${file}`, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${file} has no front matter`);
  return lessonFrontMatterSchema.parse(parse(match[1]!));
}
