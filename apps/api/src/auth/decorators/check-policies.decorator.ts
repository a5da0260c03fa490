import { Reflector } from '@nestjs/core';
import { ARTICLE_ACTIONS, ARTICLE_SUBJECT, type ArticleAction } from '@authlab/shared';

export interface PolicyCheck {
  action: ArticleAction;
  subject: typeof ARTICLE_SUBJECT;
}

/**
 * Names the CASL rule a route applies, `@CheckPolicies({ action: 'read', subject: 'Article' })`,
 * as the NestJS authorization docs do — declared as data rather than a callback, so
 * GET /api/meta/routes can show it. PoliciesGuard checks it against the kind of subject; the
 * service checks it again on the object it loads.
 */
export const CheckPolicies = Reflector.createDecorator<PolicyCheck>({
  transform: (check) => {
    if (!ARTICLE_ACTIONS.includes(check.action) || check.subject !== ARTICLE_SUBJECT) {
      throw new TypeError(
        `@CheckPolicies() needs a known action on a known subject; got ${JSON.stringify(check)}`,
      );
    }
    return check;
  },
});
