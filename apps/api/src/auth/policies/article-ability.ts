import { AbilityBuilder, createMongoAbility, subject, type MongoAbility } from '@casl/ability';
import {
  ARTICLE_SUBJECT,
  articleGrantsOf,
  clientArticleGrants,
  type ArticleStatus,
  type Permission,
} from '@authlab/shared';
import type { Principal } from '../authentication/authenticated-user.js';

/** The fields of an article the policy looks at. */
export interface ArticleFacts {
  authorId: number;
  status: ArticleStatus;
}

export type AppAbility = MongoAbility<[Permission, typeof ARTICLE_SUBJECT | ArticleFacts]>;

/**
 * What one caller may do to which articles, as CASL rules built from the shared policy: the
 * role matrix decides the operations, these conditions decide the articles.
 */
export function defineAbilityFor(principal: Principal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const grants =
    principal.kind === 'client'
      ? clientArticleGrants(principal.permissions)
      : articleGrantsOf(principal.role);
  for (const grant of grants) {
    if (grant.on === 'any') can(grant.permission, ARTICLE_SUBJECT);
    else if (grant.on === 'published')
      can(grant.permission, ARTICLE_SUBJECT, { status: 'published' });
    else if (principal.kind === 'user')
      can(grant.permission, ARTICLE_SUBJECT, { authorId: principal.id });
  }
  return build();
}

/** Marks a loaded row as an article for CASL (its conditions match on the row's fields). */
export function asArticle<T extends ArticleFacts>(article: T): T {
  return subject(ARTICLE_SUBJECT, article);
}
