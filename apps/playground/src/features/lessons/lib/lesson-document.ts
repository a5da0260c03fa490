import type { LessonFrontMatter } from '@authlab/shared';
import type { MarkdownNode } from './markdown-tree';

/** One lesson as the build hands it to the page: its validated front matter and its body as a tree. */
export interface LessonDocument extends LessonFrontMatter {
  /** The file in docs/lessons it came from, e.g. "03-anatomy-of-a-jwt.md". */
  file: string;
  body: MarkdownNode[];
}
