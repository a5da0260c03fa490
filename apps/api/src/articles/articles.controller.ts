import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  articleIdSchema,
  createArticleSchema,
  replaceArticleSchema,
  updateArticleSchema,
  type Article,
  type CreateArticleRequest,
  type ReplaceArticleRequest,
  type UpdateArticleRequest,
} from '@authlab/shared';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { ArticlesService } from './articles.service.js';

const articleId = validParam(articleIdSchema, 'id');

/** Each operation names the permission it needs; the role → permission matrix does the rest. */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @RequirePermissions(['read'])
  @ApiOperation({ summary: 'List articles (permission: read)' })
  list(): Promise<Article[]> {
    return this.articles.list();
  }

  @Get(':id')
  @RequirePermissions(['read'])
  @ApiOperation({ summary: 'Read one article (permission: read)' })
  get(@Param('id', articleId) id: number): Promise<Article> {
    return this.articles.get(id);
  }

  @Post()
  @RequirePermissions(['create'])
  @ApiOperation({ summary: 'Write an article (permission: create)' })
  @ApiBody({ schema: openApiSchema(createArticleSchema) })
  create(
    @CurrentUser() author: AuthenticatedUser,
    @Body(validBody(createArticleSchema)) body: CreateArticleRequest,
  ): Promise<Article> {
    return this.articles.create(author.id, body);
  }

  @Put(':id')
  @RequirePermissions(['update'])
  @ApiOperation({ summary: 'Replace an article (permission: update)' })
  @ApiBody({ schema: openApiSchema(replaceArticleSchema) })
  replace(
    @Param('id', articleId) id: number,
    @Body(validBody(replaceArticleSchema)) body: ReplaceArticleRequest,
  ): Promise<Article> {
    return this.articles.update(id, body);
  }

  @Patch(':id')
  @RequirePermissions(['update'])
  @ApiOperation({ summary: 'Change some fields of an article (permission: update)' })
  @ApiBody({ schema: openApiSchema(updateArticleSchema) })
  update(
    @Param('id', articleId) id: number,
    @Body(validBody(updateArticleSchema)) body: UpdateArticleRequest,
  ): Promise<Article> {
    return this.articles.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(['delete'])
  @ApiOperation({ summary: 'Delete an article (permission: delete)' })
  delete(@Param('id', articleId) id: number): Promise<void> {
    return this.articles.delete(id);
  }
}
