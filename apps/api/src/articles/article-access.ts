import type { Article, Permission } from '@authlab/shared';
import type { AppAbility } from '../auth/policies/article-ability.js';
import { asArticle } from '../auth/policies/article-ability.js';
import { ApiException } from '../common/errors/api-exception.js';
import { currentTrace } from '../trace/trace-context.js';

export function articleNotFound(id: number): ApiException {
  return new ApiException(404, `No article has id ${id}.`);
}

/**
 * The object-level check, made on the article as loaded (OWASP API1:2023, broken object level
 * authorization). An article the caller may not read is answered exactly like one that does not
 * exist — 404, same message — so nobody learns that someone else's draft is there (RFC 9110
 * §15.5.5 allows a 404 in place of a 403 for this). One the caller can read but not change is a 403.
 */
export function checkArticleAccess(
  ability: AppAbility,
  action: Permission,
  id: number,
  article: Article | undefined,
): Article {
  if (!article) throw articleNotFound(id);
  const end = currentTrace()?.begin('owner check', 'handler');
  const detail = () => ({
    action,
    article: id,
    status: article.status,
    author: article.authorUsername,
  });
  if (ability.cannot('read', asArticle(article))) {
    end?.({
      outcome: 'deny',
      reason: `owner check: draft ${id} is not yours and you do not review drafts — answered 404, as if it did not exist.`,
      detail,
    });
    throw articleNotFound(id);
  }
  if (action !== 'read' && ability.cannot(action, asArticle(article))) {
    end?.({ outcome: 'deny', reason: 'owner check: not your article (403).', detail });
    throw new ApiException(403, `owner check: article ${id} is not yours to ${action}.`);
  }
  end?.({
    outcome: 'pass',
    reason: () =>
      article.status === 'draft'
        ? `owner check: you may ${action} draft ${id} (${article.authorUsername}'s).`
        : `owner check: article ${id} is published; you may ${action} it.`,
    detail,
  });
  return article;
}
