import { AbilityBuilder, createMongoAbility, subject, type MongoAbility } from '@casl/ability';
import {
  ARTICLE_ACTIONS,
  ARTICLE_SUBJECT,
  articleGrantsOf,
  clientArticleGrants,
  DEFAULT_CLEARANCE,
  labelsAbove,
  macRefusal,
  type ArticleAction,
  type ArticleStatus,
  type SensitivityLabel,
} from '@authlab/shared';
import type { Principal } from '../authentication/authenticated-user.js';

/** The fields of an article the policy looks at. */
export interface ArticleFacts {
  authorId: number;
  status: ArticleStatus;
  label: SensitivityLabel;
  /** Ids of the users its author shared it with (DAC). */
  sharedWith: readonly number[];
}

export type AppAbility = MongoAbility<[ArticleAction, typeof ARTICLE_SUBJECT | ArticleFacts]>;

/**
 * What one caller may do to which articles, as CASL rules built from the shared policy: the
 * role matrix decides the operations, these conditions decide the articles — ownership, shares
 * (DAC) and, last and above them all, the labels above the caller's clearance (MAC), as
 * `cannot` rules whose reason names the model.
 */
export function defineAbilityFor(
  principal: Principal,
  clearance: SensitivityLabel = DEFAULT_CLEARANCE,
): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const grants =
    principal.kind === 'client'
      ? clientArticleGrants(principal.permissions)
      : principal.delegatedTo === undefined
        ? articleGrantsOf(principal.role)
        : // An application acting for a user holds only the permissions its scope keeps of the
          // role; sharing is no scope, so an application never shares for its user.
          articleGrantsOf(principal.role).filter((grant) =>
            (principal.permissions as readonly string[]).includes(grant.permission),
          );
  for (const grant of grants) {
    if (grant.on === 'any') can(grant.permission, ARTICLE_SUBJECT);
    else if (grant.on === 'published')
      can(grant.permission, ARTICLE_SUBJECT, { status: 'published' });
    else if (principal.kind !== 'user') continue;
    else if (grant.on === 'own') can(grant.permission, ARTICLE_SUBJECT, { authorId: principal.id });
    // An array field matches when it holds the id (MongoDB's query semantics, which CASL follows).
    else can(grant.permission, ARTICLE_SUBJECT, { sharedWith: principal.id });
  }
  // Inverted rules win over every grant above, whoever owns the article.
  for (const label of labelsAbove(clearance)) {
    cannot([...ARTICLE_ACTIONS], ARTICLE_SUBJECT, { label }).because(macRefusal(label, clearance));
  }
  return build();
}

/** Marks a loaded row as an article for CASL (its conditions match on the row's fields). */
export function asArticle<T extends ArticleFacts>(article: T): T {
  return subject(ARTICLE_SUBJECT, article);
}
