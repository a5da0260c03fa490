import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type CookieEchoResponse, cookieEchoResponseSchema } from '@authlab/shared';
import { Public } from '../../decorators/public.decorator.js';
import { SessionCookies } from './session-cookies.js';
import { ApiAnswer } from '../../../openapi/api-answer.decorator.js';

/**
 * Shows which cookies the browser sent, so a learner can see that an HttpOnly cookie travels
 * with every request although `document.cookie` does not show it. Values are never echoed —
 * that would hand the HttpOnly tokens to any script on the page — except the CSRF token, which
 * the page may read anyway.
 */
@ApiTags('auth')
@Controller('auth')
export class CookieEchoController {
  constructor(private readonly cookies: SessionCookies) {}

  @Public()
  @Get('cookies')
  @ApiOperation({
    summary: 'Which cookies this request carried (names and sizes; values only of the CSRF cookie)',
  })
  @ApiAnswer(
    200,
    cookieEchoResponseSchema,
    'The cookies this request carried, values of HttpOnly ones withheld',
  )
  echo(@Req() request: Request): CookieEchoResponse {
    const received = (request.cookies ?? {}) as Record<string, unknown>;
    return {
      cookies: Object.entries(received).map(([name, value]) => {
        const text = String(value);
        const described = this.cookies.describe(name);
        const readable = name === this.cookies.names.csrf;
        return { name, length: text.length, ...described, ...(readable ? { value: text } : {}) };
      }),
    };
  }
}
