import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Article, AuthlabApi } from './authlab-api.js';

export interface SyncReport {
  total: number;
  added: number;
  changed: number;
  removed: number;
}

async function readMirror(file: string): Promise<Article[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Article[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Pulls every article and keeps a local copy in `file`, reporting what changed since the last run. */
export async function syncArticles(api: AuthlabApi, file: string): Promise<SyncReport> {
  const [previous, current] = await Promise.all([readMirror(file), api.articles()]);
  const before = new Map(previous.map((article) => [article.id, article]));
  const now = new Set(current.map((article) => article.id));
  const report: SyncReport = {
    total: current.length,
    added: current.filter((article) => !before.has(article.id)).length,
    changed: current.filter(
      (article) =>
        before.has(article.id) && before.get(article.id)!.updatedAt !== article.updatedAt,
    ).length,
    removed: previous.filter((article) => !now.has(article.id)).length,
  };
  // Write beside, then rename: a reader never sees half a file.
  await writeFile(`${file}.tmp`, JSON.stringify(current, null, 2));
  await rename(`${file}.tmp`, file);
  return report;
}
