import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createArticleSchema,
  isSensitivityLabel,
  type Article,
  type CreateArticleRequest,
} from '@authlab/shared';
import type { AuthenticatedUser } from '../auth/authentication/authenticated-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import { ArticlesRepository } from '../articles/articles.repository.js';
import { ArticlesService } from '../articles/articles.service.js';
import { validBody } from '../common/pipes/zod-validation.pipe.js';
import { LoopbackOnlyGuard } from '../lab/loopback-only.guard.js';

/**
 * Mass assignment (OWASP API3:2023): the weak route copies the body's fields onto the new
 * article, so `authorId` writes in someone else's name and `label` skips the clearance check.
 * The strict route is the real API's: a strict schema (authorId is a 400), the caller as the
 * author, and the label checked against the caller's clearance (MAC).
 */
@ApiTags('lab')
@ApiBearerAuth()
@UseGuards(LoopbackOnlyGuard)
@Controller('lab/access/mass-assignment')
export class MassAssignmentLabController {
  constructor(
    private readonly repository: ArticlesRepository,
    private readonly articles: ArticlesService,
  ) {}

  @Post('weak/articles')
  @RequirePermissions(['create'])
  @ApiOperation({ summary: 'Mass assignment, weak: body fields copied as sent' })
  async weak(
    @CurrentUser() author: AuthenticatedUser,
    @Body() body: Record<string, unknown>,
  ): Promise<Pick<Article, 'id' | 'authorId' | 'label'>> {
    const id = await this.repository.insert({
      title: typeof body.title === 'string' ? body.title : 'Untitled',
      body: typeof body.body === 'string' ? body.body : '',
      authorId: typeof body.authorId === 'number' ? body.authorId : author.id,
      ...(isSensitivityLabel(body.label) ? { label: body.label } : {}),
    });
    const article = (await this.repository.findById(id))!;
    return { id, authorId: article.authorId, label: article.label };
  }

  @Post('strict/articles')
  @RequirePermissions(['create'])
  @ApiOperation({ summary: 'Mass assignment, strict: the real API’s rules' })
  strict(
    @CurrentUser() author: AuthenticatedUser,
    @Body(validBody(createArticleSchema)) body: CreateArticleRequest,
  ): Promise<Article> {
    return this.articles.create(author, body);
  }
}
