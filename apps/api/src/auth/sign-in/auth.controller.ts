import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ROLES,
  changePasswordSchema,
  signInSchema,
  signUpSchema,
  tokenDeliveryQuerySchema,
  type ChangePasswordRequest,
  type CookieSessionResponse,
  type SignUpRequest,
  type TokenResponse,
  type UserProfile,
  sessionResponseSchema,
  userProfileSchema,
} from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import { ZodValidationPipe, validBody } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { openApiSchema } from '../../openapi/openapi-schema.js';
import { UsersRepository } from '../../users/users.repository.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedUser } from '../authentication/authenticated-user.js';
import { parseBasicHeader } from './basic-credentials.js';
import { invalidToken } from '../authentication/bearer-challenge.js';
import { clientIp } from './client-ip.js';
import { SessionCookies } from '../sessions/cookies/session-cookies.js';
import { CurrentUser } from '../decorators/current-user.decorator.js';
import { Public } from '../decorators/public.decorator.js';
import {
  authorizationLines,
  ONE_AUTHORIZATION_HEADER,
} from '../authentication/repeated-credentials.js';
import { Roles } from '../decorators/roles.decorator.js';
import { SessionResponses } from '../sessions/session-responses.js';
import { refuseOnSharedDemoAccount } from './shared-demo-account.js';
import { ApiAnswer, ApiErrors } from '../../openapi/api-answer.decorator.js';

const signInCredentials = new ZodValidationPipe(signInSchema, 'credentials');
const deliveryQuery = new ZodValidationPipe(tokenDeliveryQuerySchema, 'query string');
const MODE_QUERY = {
  name: 'mode',
  required: false,
  enum: ['body', 'cookie'],
  description: 'cookie: tokens in HttpOnly cookies',
};

function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
  );
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
    private readonly responses: SessionResponses,
    private readonly cookies: SessionCookies,
  ) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account (role "user") and start a session' })
  @ApiQuery(MODE_QUERY)
  @ApiBody({ schema: openApiSchema(signUpSchema) })
  @ApiAnswer(
    201,
    sessionResponseSchema,
    'The account and its session: tokens in the body, or (mode=cookie) in HttpOnly cookies with the CSRF token in the body',
    { setsCookies: true },
  )
  @ApiErrors({
    400: 'The query string is not mode=body or mode=cookie.',
    409: 'That username is taken.',
    429: 'Too many sign-ups from this network; Retry-After says when to try again.',
    503: 'Too many passwords are being hashed, or shared state (Redis) cannot be reached; Retry-After says when to try again.',
  })
  async signUp(
    @Query() query: unknown,
    @Body(validBody(signUpSchema)) body: SignUpRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse | CookieSessionResponse> {
    const { mode } = deliveryQuery.transform(query);
    return this.responses.deliver(response, mode, await this.auth.signUp(body, clientIp(request)));
  }

  @Public()
  @Post('signin')
  @HttpCode(200)
  @ApiBasicAuth()
  @ApiOperation({
    summary:
      'Sign in with Basic credentials or a JSON body; tokens in the body or (mode=cookie) in cookies',
  })
  @ApiQuery(MODE_QUERY)
  @ApiBody({ schema: openApiSchema(signInSchema), required: false })
  @ApiAnswer(
    200,
    sessionResponseSchema,
    'The account and its session: tokens in the body, or (mode=cookie) in HttpOnly cookies with the CSRF token in the body',
    { setsCookies: true },
  )
  @ApiErrors({
    400: 'The Basic header is malformed or sent twice, credentials came both in the header and the body, the body does not match its schema, or the query string is not mode=body or mode=cookie.',
    401: 'The username or password is incorrect (the same answer for both, so neither reveals which accounts exist).',
    429: 'Too many failed sign-ins for this account or network; Retry-After says when to try again.',
    503: 'Too many passwords are being checked, or shared state (Redis) cannot be reached; Retry-After says when to try again.',
  })
  async signIn(
    @Query() query: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse | CookieSessionResponse> {
    const { mode } = deliveryQuery.transform(query);
    if (authorizationLines(request) > 1)
      throw new ApiException(400, `${ONE_AUTHORIZATION_HEADER}.`);
    const basic = parseBasicHeader(authorization);
    if (basic.kind === 'malformed') throw new ApiException(400, `${basic.reason}.`);
    if (basic.kind === 'credentials' && !isEmptyBody(body)) {
      throw new ApiException(
        400,
        'Send credentials once: in the Basic header or in the body, not both.',
      );
    }
    const credentials =
      basic.kind === 'credentials' ? { username: basic.username, password: basic.password } : body;
    const signedIn = await this.auth.signIn(
      signInCredentials.transform(credentials),
      clientIp(request),
    );
    return this.responses.deliver(response, mode, signedIn);
  }

  @Get('me')
  @Roles([...ROLES])
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, with the role and permissions their token grants' })
  @ApiAnswer(200, userProfileSchema, 'The caller, with the role and permissions their token grants')
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserProfile> {
    const user = await this.users.findById(caller.id);
    if (!user) throw invalidToken('The access token names an account that no longer exists');
    return {
      id: caller.id,
      username: caller.username,
      role: caller.role,
      permissions: [...caller.permissions],
      createdAt: user.createdAt,
    };
  }

  @Post('password')
  @HttpCode(204)
  @Roles([...ROLES])
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your password; every session ends, so sign in again (refused for the shared demo accounts in demo mode)',
  })
  @ApiBody({ schema: openApiSchema(changePasswordSchema) })
  @ApiAnswer(204, null, 'The password is changed; every other session of the account has ended')
  @ApiErrors({
    403: 'The current password is incorrect, or (demo mode) the account is a shared demo account (code: shared_demo_account).',
    429: 'Too many wrong current passwords for this account; Retry-After says when to try again.',
    503: 'Too many passwords are being checked; Retry-After says when to try again.',
  })
  async changePassword(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(validBody(changePasswordSchema)) body: ChangePasswordRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    refuseOnSharedDemoAccount(this.config.demo, caller.username, 'change the password');
    await this.auth.changePassword(
      caller,
      body.currentPassword,
      body.newPassword,
      clientIp(request),
    );
    this.cookies.clear(response);
  }
}
