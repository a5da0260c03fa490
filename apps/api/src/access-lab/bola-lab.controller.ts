import { Body, Controller, Param, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  articleIdSchema,
  updateArticleSchema,
  type Article,
  type UpdateArticleRequest,
} from '@authlab/shared';
import type { Principal } from '../auth/authentication/authenticated-user.js';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import { articleNotFound } from '../articles/article-access.js';
import { ArticlesRepository } from '../articles/articles.repository.js';
import { ArticlesService } from '../articles/articles.service.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { LoopbackOnlyGuard } from '../lab/loopback-only.guard.js';

const articleId = validParam(articleIdSchema, 'id');

/**
 * BOLA (OWASP API1:2023): both routes check the role ("update"); the weak one stops there, so a
 * writer edits anyone's article by changing the id. The strict one is the real API's path:
 * the owner check on the article it loads.
 */
@ApiTags('lab')
@ApiBearerAuth()
@UseGuards(LoopbackOnlyGuard)
@Controller('lab/access/bola')
export class BolaLabController {
  constructor(
    private readonly repository: ArticlesRepository,
    private readonly articles: ArticlesService,
  ) {}

  @Patch('weak/articles/:id')
  @RequirePermissions(['update'])
  @ApiOperation({ summary: 'BOLA, weak: checks the role, never the owner' })
  async weak(
    @Param('id', articleId) id: number,
    @Body(validBody(updateArticleSchema)) body: UpdateArticleRequest,
  ): Promise<Pick<Article, 'id' | 'title' | 'authorUsername'>> {
    const { title } = body;
    if (!(await this.repository.update(id, { ...(title ? { title } : {}) })))
      throw articleNotFound(id);
    const article = (await this.repository.findById(id))!;
    return { id, title: article.title, authorUsername: article.authorUsername };
  }

  @Patch('strict/articles/:id')
  @RequirePermissions(['update'])
  @ApiOperation({ summary: 'BOLA, strict: the owner check on the loaded article' })
  strict(
    @Param('id', articleId) id: number,
    @Body(validBody(updateArticleSchema)) body: UpdateArticleRequest,
    @CurrentPrincipal() caller: Principal,
  ): Promise<Article> {
    return this.articles.update(id, body, caller);
  }
}
