import { z } from 'zod';
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
  shareArticleSchema,
  shareUsernameSchema,
  updateArticleSchema,
  type Article,
  type ArticleShare,
  type CreateArticleRequest,
  type ReplaceArticleRequest,
  type ShareArticleRequest,
  type UpdateArticleRequest,
  articleSchema,
  articleShareSchema,
} from '@authlab/shared';
import type { AuthenticatedUser, Principal } from '../auth/authentication/authenticated-user.js';
import { CheckPolicies } from '../auth/decorators/check-policies.decorator.js';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import { PoliciesGuard } from '../auth/policies/policies.guard.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { ArticlesService } from './articles.service.js';
import { ApiAnswer, ApiErrors } from '../openapi/api-answer.decorator.js';

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
    summary:
      'List the articles you may read (permission: read; drafts: author, shares and editors; labels up to your clearance)',
  })
  @ApiAnswer(
    200,
    z.array(articleSchema),
    'The articles the caller may read: published ones, their own, those shared with them, and drafts as the article policy allows, up to their clearance',
  )
  list(@CurrentPrincipal() caller: Principal): Promise<Article[]> {
    return this.articles.list(caller);
  }

  @Get(':id')
  @RequirePermissions(['read'])
  @CheckPolicies({ action: 'read', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary:
      'Read one article (permission: read; another author’s draft not shared with you, or a label above your clearance: 404)',
  })
  @ApiAnswer(200, articleSchema, 'The article')
  get(@Param('id', articleId) id: number, @CurrentPrincipal() caller: Principal): Promise<Article> {
    return this.articles.get(id, caller);
  }

  @Post()
  @RequirePermissions(['create'])
  @CheckPolicies({ action: 'create', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary: 'Write an article (permission: create; label up to your clearance; never an authorId)',
  })
  @ApiBody({ schema: openApiSchema(createArticleSchema) })
  @ApiAnswer(201, articleSchema, 'The new article, by the caller')
  create(
    @CurrentUser() author: AuthenticatedUser,
    @Body(validBody(createArticleSchema)) body: CreateArticleRequest,
  ): Promise<Article> {
    return this.articles.create(author, body);
  }

  @Put(':id')
  @RequirePermissions(['update'])
  @CheckPolicies({ action: 'update', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary: 'Replace an article (permission: update; writers their own, editors and admins any)',
  })
  @ApiBody({ schema: openApiSchema(replaceArticleSchema) })
  @ApiAnswer(200, articleSchema, 'The article as it now is')
  replace(
    @Param('id', articleId) id: number,
    @Body(validBody(replaceArticleSchema)) body: ReplaceArticleRequest,
    @CurrentPrincipal() caller: Principal,
  ): Promise<Article> {
    return this.articles.update(id, body, caller);
  }

  @Patch(':id')
  @RequirePermissions(['update'])
  @CheckPolicies({ action: 'update', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary:
      'Change some fields of an article (permission: update; writers their own; only admins lower a label)',
  })
  @ApiBody({ schema: openApiSchema(updateArticleSchema) })
  @ApiAnswer(200, articleSchema, 'The article as it now is')
  update(
    @Param('id', articleId) id: number,
    @Body(validBody(updateArticleSchema)) body: UpdateArticleRequest,
    @CurrentPrincipal() caller: Principal,
  ): Promise<Article> {
    return this.articles.update(id, body, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(['delete'])
  @CheckPolicies({ action: 'delete', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary: 'Delete an article (permission: delete; writers their own, admins any)',
  })
  @ApiAnswer(204, null, 'The article is gone')
  delete(@Param('id', articleId) id: number, @CurrentPrincipal() caller: Principal): Promise<void> {
    return this.articles.delete(id, caller);
  }

  @Post(':id/shares')
  @RequirePermissions(['update'])
  @CheckPolicies({ action: 'share', subject: ARTICLE_SUBJECT })
  @ApiOperation({
    summary:
      'Share your article with a named user (DAC: authors only; MAC: not with a user cleared below its label)',
  })
  @ApiBody({ schema: openApiSchema(shareArticleSchema) })
  @ApiAnswer(201, articleShareSchema, 'The share: the user may now read the article')
  @ApiErrors({
    404: 'No user has that username.',
    403: 'The article is not yours to share, or the user is cleared below its label (MAC).',
  })
  share(
    @Param('id', articleId) id: number,
    @Body(validBody(shareArticleSchema)) body: ShareArticleRequest,
    @CurrentPrincipal() caller: Principal,
  ): Promise<ArticleShare> {
    return this.articles.share(id, body.username, caller);
  }

  @Delete(':id/shares/:username')
  @HttpCode(204)
  @RequirePermissions(['update'])
  @CheckPolicies({ action: 'share', subject: ARTICLE_SUBJECT })
  @ApiOperation({ summary: 'Take a share back (DAC: authors only)' })
  @ApiAnswer(204, null, 'The share is taken back')
  unshare(
    @Param('id', articleId) id: number,
    @Param('username', validParam(shareUsernameSchema, 'username')) username: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<void> {
    return this.articles.unshare(id, username, caller);
  }
}
