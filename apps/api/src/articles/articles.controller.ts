import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ARTICLE_SUBJECT,
  articleIdSchema,
  createArticleSchema,
  replaceArticleSchema,
  updateArticleSchema,
  type Article,
  type CreateArticleRequest,
  type ReplaceArticleRequest,
  type UpdateArticleRequest,
} from '@authlab/shared';
import type { AuthenticatedUser } from '../auth/authentication/authenticated-user.js';
import { CheckPolicies } from '../auth/decorators/check-policies.decorator.js';
import { CurrentAbility } from '../auth/decorators/current-ability.decorator.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import type { AppAbility } from '../auth/policies/article-ability.js';
import { PoliciesGuard } from '../auth/policies/policies.guard.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { ArticlesService } from './articles.service.js';

const articleId = validParam(articleIdSchema, 'id');

/**
 * Each operation names the permission it needs (the role matrix: RolesGuard) and the policy it
 * applies (CASL: PoliciesGuard, then the service on the article it loads).
 */
@ApiTags('articles')
@ApiBearerAuth()
@UseGuards(PoliciesGuard)
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @RequirePermissions(['read'])
  @CheckPolicies({ action: 'read', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary: 'List the articles you may read (permission: read; drafts: author and editors)',
  })
  list(@CurrentAbility() ability: AppAbility): Promise<Article[]> {
    return this.articles.list(ability);
  }

  @Get(':id')
  @RequirePermissions(['read'])
  @CheckPolicies({ action: 'read', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary: 'Read one article (permission: read; another author’s draft: 404 unless editor)',
  })
  get(@Param('id', articleId) id: number, @CurrentAbility() ability: AppAbility): Promise<Article> {
    return this.articles.get(id, ability);
  }

  @Post()
  @RequirePermissions(['create'])
  @CheckPolicies({ action: 'create', subject: ARTICLE_SUBJECT })
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
  @CheckPolicies({ action: 'update', subject: ARTICLE_SUBJECT })
  @ApiOperation({ summary: 'Replace an article (permission: update)' })
  @ApiBody({ schema: openApiSchema(replaceArticleSchema) })
  replace(
    @Param('id', articleId) id: number,
    @Body(validBody(replaceArticleSchema)) body: ReplaceArticleRequest,
    @CurrentAbility() ability: AppAbility,
  ): Promise<Article> {
    return this.articles.update(id, body, ability);
  }

  @Patch(':id')
  @RequirePermissions(['update'])
  @CheckPolicies({ action: 'update', subject: ARTICLE_SUBJECT })
  @ApiOperation({ summary: 'Change some fields of an article (permission: update)' })
  @ApiBody({ schema: openApiSchema(updateArticleSchema) })
  update(
    @Param('id', articleId) id: number,
    @Body(validBody(updateArticleSchema)) body: UpdateArticleRequest,
    @CurrentAbility() ability: AppAbility,
  ): Promise<Article> {
    return this.articles.update(id, body, ability);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(['delete'])
  @CheckPolicies({ action: 'delete', subject: ARTICLE_SUBJECT })
  @ApiOperation({ summary: 'Delete an article (permission: delete)' })
  delete(@Param('id', articleId) id: number, @CurrentAbility() ability: AppAbility): Promise<void> {
    return this.articles.delete(id, ability);
  }
}
