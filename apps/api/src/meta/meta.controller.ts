import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  articlePolicy,
  MANDATORY_ARTICLE_RULES,
  type RouteMetadataResponse,
  routeMetadataResponseSchema,
} from '@authlab/shared';
import { Public } from '../auth/decorators/public.decorator.js';
import { RouteCatalogue } from './route-catalogue.service.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';

@ApiTags('meta')
@Controller('meta')
export class MetaController {
  constructor(private readonly catalogue: RouteCatalogue) {}

  @Public()
  @Get('routes')
  @ApiOperation({
    summary:
      'Every route with its access rule, guards, pipes and interceptors, read from the decorators, and the article policy',
  })
  @ApiAnswer(
    200,
    routeMetadataResponseSchema,
    'Every route with its access rule, and the article policy',
  )
  routes(): RouteMetadataResponse {
    return {
      routes: this.catalogue.list(),
      articlePolicy: articlePolicy(),
      mandatoryRules: MANDATORY_ARTICLE_RULES,
    };
  }
}
