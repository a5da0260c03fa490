import { useQuery } from '@tanstack/react-query';
import type { Article } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import { demoTokenFor } from '../../../lib/demo-tokens';

/** An article the matrix can act on, with whom its author shared it. */
export type MatrixArticle = Article & { sharedWith: string[] };

// The editor reviews every draft and is cleared for every label; an author alone sees its shares.
const AUTHORS = ['editor', 'writer', 'admin'] as const;

/** Every demo article with its shares: the editor's list, completed by each author's own view. */
export async function getMatrixArticles(): Promise<MatrixArticle[]> {
  const lists = await Promise.all(
    AUTHORS.map(async (username) =>
      apiRequest<Article[]>('/api/articles', {
        token: await demoTokenFor(username),
        background: true,
      }),
    ),
  );
  const shares = new Map(
    lists
      .flat()
      .flatMap((article) => (article.sharedWith ? [[article.id, article.sharedWith]] : [])),
  );
  return lists[0]!.map((article) => ({ ...article, sharedWith: shares.get(article.id) ?? [] }));
}

export function useMatrixArticles() {
  return useQuery({ queryKey: ['matrix-articles'], queryFn: getMatrixArticles });
}
