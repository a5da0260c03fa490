import { Injectable } from '@nestjs/common';
import type { Article, CreateArticleRequest, UpdateArticleRequest } from '@authlab/shared';
import { ApiException } from '../common/errors/api-exception.js';
import { ArticlesRepository } from './articles.repository.js';

function notFound(id: number): ApiException {
  return new ApiException(404, `No article has id ${id}.`);
}

@Injectable()
export class ArticlesService {
  constructor(private readonly articles: ArticlesRepository) {}

  list(): Promise<Article[]> {
    return this.articles.list();
  }

  async get(id: number): Promise<Article> {
    const article = await this.articles.findById(id);
    if (!article) throw notFound(id);
    return article;
  }

  async create(authorId: number, request: CreateArticleRequest): Promise<Article> {
    return this.get(await this.articles.insert({ ...request, authorId }));
  }

  async update(id: number, changes: UpdateArticleRequest): Promise<Article> {
    if (!(await this.articles.update(id, changes))) throw notFound(id);
    return this.get(id);
  }

  async delete(id: number): Promise<void> {
    if (!(await this.articles.delete(id))) throw notFound(id);
  }
}
