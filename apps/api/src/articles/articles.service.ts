import { Injectable } from '@nestjs/common';
import type { Article, CreateArticleRequest, UpdateArticleRequest } from '@authlab/shared';
import { asArticle, type AppAbility } from '../auth/policies/article-ability.js';
import { articleNotFound, checkArticleAccess } from './article-access.js';
import { ArticlesRepository } from './articles.repository.js';

/** Every article operation loads the article first and checks the caller's ability on it. */
@Injectable()
export class ArticlesService {
  constructor(private readonly articles: ArticlesRepository) {}

  /** Only the articles the caller may read: others' drafts are left out, not marked. */
  async list(ability: AppAbility): Promise<Article[]> {
    return (await this.articles.list()).filter((article) =>
      ability.can('read', asArticle(article)),
    );
  }

  async get(id: number, ability: AppAbility): Promise<Article> {
    return checkArticleAccess(ability, 'read', id, await this.articles.findById(id));
  }

  async create(authorId: number, request: CreateArticleRequest): Promise<Article> {
    const id = await this.articles.insert({ ...request, authorId });
    const article = await this.articles.findById(id);
    if (!article) throw articleNotFound(id);
    return article;
  }

  async update(id: number, changes: UpdateArticleRequest, ability: AppAbility): Promise<Article> {
    checkArticleAccess(ability, 'update', id, await this.articles.findById(id));
    if (!(await this.articles.update(id, changes))) throw articleNotFound(id);
    const article = await this.articles.findById(id);
    if (!article) throw articleNotFound(id);
    return article;
  }

  async delete(id: number, ability: AppAbility): Promise<void> {
    checkArticleAccess(ability, 'delete', id, await this.articles.findById(id));
    if (!(await this.articles.delete(id))) throw articleNotFound(id);
  }
}
