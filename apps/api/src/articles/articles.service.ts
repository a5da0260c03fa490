import { Injectable } from '@nestjs/common';
import {
  DEFAULT_CLEARANCE,
  labelAbove,
  macRefusal,
  type Article,
  type ArticleShare,
  type CreateArticleRequest,
  type SensitivityLabel,
  type UpdateArticleRequest,
} from '@authlab/shared';
import type { AuthenticatedUser, Principal } from '../auth/authentication/authenticated-user.js';
import { asArticle, defineAbilityFor, type AppAbility } from '../auth/policies/article-ability.js';
import { ApiException } from '../common/errors/api-exception.js';
import { currentTrace } from '../trace/trace-context.js';
import { articleNotFound, checkArticleAccess } from './article-access.js';
import { ArticlesRepository, type ArticleRecord } from './articles.repository.js';

/** The caller's ability and clearance, read afresh: an admin's change applies to the next request. */
interface Caller {
  principal: Principal;
  clearance: SensitivityLabel;
  ability: AppAbility;
}

/**
 * Every article operation loads the article first and checks the caller's ability on it. Labels
 * (MAC) are checked on what a body asks for too: a body may name a label, never an author — the
 * author is always the caller (the schema refuses authorId with a 400; OWASP API3:2023).
 */
@Injectable()
export class ArticlesService {
  constructor(private readonly articles: ArticlesRepository) {}

  private async caller(principal: Principal): Promise<Caller> {
    const clearance =
      principal.kind === 'user'
        ? ((await this.articles.clearanceOf(principal.id)) ?? DEFAULT_CLEARANCE)
        : DEFAULT_CLEARANCE;
    return { principal, clearance, ability: defineAbilityFor(principal, clearance) };
  }

  /** What a caller sees: the shares only if they wrote it. */
  private static view(article: ArticleRecord, principal: Principal): Article {
    const { sharedWith, sharedWithUsernames, ...fields } = article;
    void sharedWith;
    return principal.kind === 'user' && principal.id === article.authorId
      ? { ...fields, sharedWith: sharedWithUsernames }
      : fields;
  }

  /** Only the articles the caller may read: others' drafts and labels above them are left out, not marked. */
  async list(principal: Principal): Promise<Article[]> {
    const { ability } = await this.caller(principal);
    return (await this.articles.list())
      .filter((article) => ability.can('read', asArticle(article)))
      .map((article) => ArticlesService.view(article, principal));
  }

  async get(id: number, principal: Principal): Promise<Article> {
    const { ability } = await this.caller(principal);
    const article = checkArticleAccess(ability, 'read', id, await this.articles.findById(id));
    return ArticlesService.view(article, principal);
  }

  async create(principal: AuthenticatedUser, request: CreateArticleRequest): Promise<Article> {
    const { clearance } = await this.caller(principal);
    if (request.label) checkLabel(request.label, clearance, undefined, principal);
    const id = await this.articles.insert({ ...request, authorId: principal.id });
    const article = await this.articles.findById(id);
    if (!article) throw articleNotFound(id);
    return ArticlesService.view(article, principal);
  }

  async update(id: number, changes: UpdateArticleRequest, principal: Principal): Promise<Article> {
    const { ability, clearance } = await this.caller(principal);
    const current = checkArticleAccess(ability, 'update', id, await this.articles.findById(id));
    if (changes.label) checkLabel(changes.label, clearance, current.label, principal);
    if (!(await this.articles.update(id, changes))) throw articleNotFound(id);
    const article = await this.articles.findById(id);
    if (!article) throw articleNotFound(id);
    return ArticlesService.view(article, principal);
  }

  async delete(id: number, principal: Principal): Promise<void> {
    const { ability } = await this.caller(principal);
    checkArticleAccess(ability, 'delete', id, await this.articles.findById(id));
    if (!(await this.articles.delete(id))) throw articleNotFound(id);
  }

  /**
   * DAC: the author lets a named user read the article. The grant is the owner's to give, within
   * the mandatory rule: never to someone cleared below the article's label (MAC).
   */
  async share(id: number, username: string, principal: Principal): Promise<ArticleShare> {
    const { ability } = await this.caller(principal);
    const article = checkArticleAccess(ability, 'share', id, await this.articles.findById(id));
    const grantee = await this.articles.findGrantee(username);
    if (!grantee) throw new ApiException(404, `No user is named ${username}.`);
    if (grantee.id === article.authorId)
      throw new ApiException(400, `${username} wrote article ${id}; an author needs no share.`);
    const end = currentTrace()?.begin('MAC check', 'handler');
    if (labelAbove(article.label, grantee.clearance)) {
      const reason = `${macRefusal(article.label, grantee.clearance)} of ${grantee.username}`;
      end?.({ outcome: 'deny', reason: `${reason}: the share would pass the label (403).` });
      throw new ApiException(403, `${reason}: article ${id} cannot be shared with them.`);
    }
    end?.({
      outcome: 'pass',
      reason: `MAC: ${grantee.username}'s clearance ${grantee.clearance} reaches label ${article.label}.`,
    });
    await this.articles.share(id, grantee.id);
    return { articleId: id, username: grantee.username };
  }

  /** DAC: the author takes a share back; the user stops seeing a draft at once. */
  async unshare(id: number, username: string, principal: Principal): Promise<void> {
    const { ability } = await this.caller(principal);
    const article = checkArticleAccess(ability, 'share', id, await this.articles.findById(id));
    const index = article.sharedWithUsernames.indexOf(username);
    if (index === -1) throw new ApiException(404, `${username} holds no share of article ${id}.`);
    await this.articles.unshare(id, article.sharedWith[index]!);
  }
}

/**
 * MAC on what a body asks for: no label above the caller's own clearance (they could not read
 * it), and no lowering of a label except by an admin — an owner's discretion stops at the label.
 */
function checkLabel(
  label: SensitivityLabel,
  clearance: SensitivityLabel,
  current: SensitivityLabel | undefined,
  principal: Principal,
): void {
  const end = currentTrace()?.begin('MAC check', 'handler');
  let refusal: string | undefined;
  if (labelAbove(label, clearance))
    refusal = `${macRefusal(label, clearance)}: you cannot label an article above your own clearance`;
  else if (
    current &&
    labelAbove(current, label) &&
    !(principal.kind === 'user' && principal.role === 'admin')
  )
    refusal = `MAC: only an admin lowers a label (${current} to ${label})`;
  if (refusal) {
    end?.({ outcome: 'deny', reason: `${refusal} (403).` });
    throw new ApiException(403, `${refusal}.`);
  }
  end?.({ outcome: 'pass', reason: `MAC: label ${label} is within clearance ${clearance}.` });
}
