import type { ArticleAction } from '@authlab/shared';
import type { AppAbility, ArticleFacts } from '../auth/policies/article-ability.js';
import { asArticle } from '../auth/policies/article-ability.js';
import { ApiException } from '../common/errors/api-exception.js';
import { currentTrace } from '../trace/trace-context.js';

export function articleNotFound(id: number): ApiException {
  return new ApiException(404, `No article has id ${id}.`);
}

/** An article as loaded, with what the policy and the trace need to know. */
export interface LoadedArticle extends ArticleFacts {
  id: number;
  authorUsername: string;
}

/**
 * The object-level check, made on the article as loaded (OWASP API1:2023, broken object level
 * authorization), naming the model that decided. An article the caller may not read — labelled
 * above their clearance (MAC) or someone else's draft not shared with them (DAC) — is answered
 * exactly like one that does not exist: 404, same message, so nobody learns it is there (RFC 9110
 * §15.5.5 allows a 404 in place of a 403 for this). One the caller can read but not change is a
 * 403 from the owner check.
 */
export function checkArticleAccess<T extends LoadedArticle>(
  ability: AppAbility,
  action: ArticleAction,
  id: number,
  article: T | undefined,
): T {
  if (!article) throw articleNotFound(id);
  const end = currentTrace()?.begin('owner check', 'handler');
  const detail = () => ({
    action,
    article: id,
    status: article.status,
    label: article.label,
    author: article.authorUsername,
  });
  const subject = asArticle(article);
  if (ability.cannot('read', subject)) {
    // A MAC rule is the only kind with a reason; without one, no grant covered the draft.
    const mac = ability.relevantRuleFor('read', subject)?.reason;
    end?.({
      outcome: 'deny',
      reason: mac
        ? `${mac}: article ${id} is hidden — answered 404, as if it did not exist.`
        : `DAC: not shared with you — draft ${id} is ${article.authorUsername}'s and you do not review drafts; answered 404, as if it did not exist.`,
      detail,
    });
    throw articleNotFound(id);
  }
  if (action !== 'read' && ability.cannot(action, subject)) {
    const reason = `owner check: not your article — article ${id} is ${article.authorUsername}'s`;
    end?.({ outcome: 'deny', reason: `${reason} (403).`, detail });
    throw new ApiException(403, `owner check: article ${id} is not yours to ${action}.`);
  }
  // Which grant let the caller in: the lifecycle view and the lessons show the model at work.
  const conditions = ability.relevantRuleFor(action, subject)?.conditions ?? {};
  const grantedBy =
    'sharedWith' in conditions
      ? 'share (DAC)'
      : 'authorId' in conditions
        ? 'ownership'
        : 'status' in conditions
          ? 'published'
          : 'role';
  end?.({
    outcome: 'pass',
    detail: () => ({ ...detail(), grantedBy }),
    reason: () =>
      article.status === 'draft'
        ? `owner check: you may ${action} draft ${id} (${article.authorUsername}'s, ${article.label}).`
        : `owner check: article ${id} is published (${article.label}); you may ${action} it.`,
  });
  return article;
}
