import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ROLES,
  refreshRequestSchema,
  type CookieSessionResponse,
  type TokenResponse,
  sessionResponseSchema,
} from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { openApiSchema } from '../../openapi/openapi-schema.js';
import { AuthService } from '../sign-in/auth.service.js';
import type { AuthenticatedUser } from '../authentication/authenticated-user.js';
import { SessionCookies } from './cookies/session-cookies.js';
import { csrfRefusal } from './csrf/csrf-check.js';
import { CsrfTokens } from './csrf/csrf-tokens.js';
import { TrustedOrigins } from './csrf/trusted-origins.js';
import { CurrentUser } from '../decorators/current-user.decorator.js';
import { Public } from '../decorators/public.decorator.js';
import { Roles } from '../decorators/roles.decorator.js';
import { cookiesNamed } from '../authentication/repeated-credentials.js';
import { invalidRefreshRequest } from './oauth-errors.js';
import { SessionResponses } from './session-responses.js';
import { refuseOnSharedDemoAccount } from '../sign-in/shared-demo-account.js';
import { ApiAnswer, ApiErrors } from '../../openapi/api-answer.decorator.js';

const refreshBody = new ZodValidationPipe(refreshRequestSchema, 'request body');

function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
  );
}

/** Refresh, sign-out and sign-out everywhere. */
@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly responses: SessionResponses,
    private readonly cookies: SessionCookies,
    private readonly csrf: CsrfTokens,
    private readonly trustedOrigins: TrustedOrigins,
  ) {}

  /**
   * Public: the access token may well have expired — that is why the client is here. The refresh
   * token is the credential: from the refresh cookie (browsers) or the JSON body (other clients),
   * exactly one. The answer comes the same way the token came.
   */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Swap a refresh token (cookie or body) for a new access token and refresh token',
  })
  @ApiBody({ schema: openApiSchema(refreshRequestSchema), required: false })
  @ApiAnswer(
    200,
    sessionResponseSchema,
    'A new access token and refresh token, delivered the way the refresh token came (body or cookies)',
    { setsCookies: true },
  )
  @ApiErrors({
    400: 'No refresh token, one in both the cookie and the body (code: invalid_request), or one that cannot be used: unknown, used before, expired or revoked (code: invalid_grant, and the refresh cookie is cleared).',
    403: 'Cookie mode: the CSRF check failed (the X-CSRF-Token header or the Origin is missing or wrong).',
    503: 'Shared state (Redis) cannot be reached; Retry-After says when to try again.',
  })
  async refresh(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse | CookieSessionResponse> {
    if (cookiesNamed(request.headers.cookie, this.cookies.names.refresh) > 1) {
      throw invalidRefreshRequest(
        'Two refresh-token cookies arrived; which one counts would be ambiguous, so neither does.',
      );
    }
    const cookies = (request.cookies ?? {}) as Record<string, unknown>;
    const fromCookie = Object.hasOwn(cookies, this.cookies.names.refresh)
      ? cookies[this.cookies.names.refresh]
      : undefined;
    const inBody = !isEmptyBody(body);
    if (fromCookie !== undefined && inBody) {
      throw invalidRefreshRequest(
        'Send the refresh token once: in the cookie or in the body, not both.',
      );
    }
    if (fromCookie === undefined) {
      if (!inBody)
        throw invalidRefreshRequest(
          'No refresh token: send {"refreshToken": "…"} or the refresh cookie.',
        );
      const { refreshToken } = refreshBody.transform(body);
      return this.responses.deliver(response, 'body', await this.auth.refresh(refreshToken));
    }

    try {
      // A refresh by cookie is a state-changing request authenticated by a cookie: CSRF rules apply.
      const token = typeof fromCookie === 'string' ? fromCookie : '';
      const signedIn = await this.auth.refresh(token, (sessionId) =>
        this.checkCsrf(request, sessionId),
      );
      return this.responses.deliver(response, 'cookie', signedIn);
    } catch (error) {
      // A refresh cookie that can never work again is removed, so the browser stops sending it.
      if (error instanceof ApiException && error.code === 'invalid_grant')
        this.cookies.clear(response);
      throw error;
    }
  }

  @Post('signout')
  @HttpCode(204)
  @Roles([...ROLES])
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End this session: its refresh token and this access token stop working now',
  })
  @ApiAnswer(204, null, 'The session has ended; in cookie mode its cookies are cleared', {
    setsCookies: true,
  })
  async signOut(
    @CurrentUser() caller: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(caller);
    this.cookies.clear(response);
  }

  @Post('signout-all')
  @HttpCode(204)
  @Roles([...ROLES])
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'End every session of your account, on every device (refused for the shared demo accounts in demo mode)',
  })
  @ApiAnswer(
    204,
    null,
    'Every session of the account has ended; in cookie mode this browser’s cookies are cleared',
    { setsCookies: true },
  )
  @ApiErrors({
    403: 'Demo mode: the account is a shared demo account (code: shared_demo_account).',
  })
  async signOutEverywhere(
    @CurrentUser() caller: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    refuseOnSharedDemoAccount(this.config.demo, caller.username, 'sign out everywhere');
    await this.auth.signOutEverywhere(caller);
    this.cookies.clear(response);
  }

  private checkCsrf(request: Request, sessionId: string): void {
    const refusal = csrfRefusal(request, {
      isTrustedOrigin: (origin) => this.trustedOrigins.includes(origin, request),
      csrfCookieName: this.cookies.names.csrf,
      belongsToSession: (token) => this.csrf.belongsTo(sessionId, token),
    });
    if (refusal) throw new ApiException(403, `The CSRF check failed: ${refusal}.`);
  }
}
