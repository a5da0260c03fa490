import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ROLES,
  signInSchema,
  signUpSchema,
  type SignUpRequest,
  type TokenResponse,
  type UserProfile,
} from '@authlab/shared';
import { ApiException } from '../common/errors/api-exception.js';
import { ZodValidationPipe, validBody } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { parseBasicHeader } from './basic-credentials.js';
import { invalidToken } from './bearer-challenge.js';
import { CurrentUser } from './decorators/current-user.decorator.js';
import { Public } from './decorators/public.decorator.js';
import { Roles } from './decorators/roles.decorator.js';

const signInCredentials = new ZodValidationPipe(signInSchema, 'credentials');

function isEmptyBody(body: unknown): boolean {
  return body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account (role "user") and receive an access token' })
  @ApiBody({ schema: openApiSchema(signUpSchema) })
  signUp(@Body(validBody(signUpSchema)) body: SignUpRequest): Promise<TokenResponse> {
    return this.auth.signUp(body);
  }

  @Public()
  @Post('signin')
  @HttpCode(200)
  @ApiBasicAuth()
  @ApiOperation({ summary: 'Sign in with Basic credentials or a JSON body; receive an access token' })
  @ApiBody({ schema: openApiSchema(signInSchema), required: false })
  signIn(@Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<TokenResponse> {
    const basic = parseBasicHeader(authorization);
    if (basic.kind === 'malformed') throw new ApiException(400, `${basic.reason}.`);
    if (basic.kind === 'credentials' && !isEmptyBody(body)) {
      throw new ApiException(400, 'Send credentials once: in the Basic header or in the body, not both.');
    }
    const credentials = basic.kind === 'credentials' ? { username: basic.username, password: basic.password } : body;
    return this.auth.signIn(signInCredentials.transform(credentials));
  }

  @Get('me')
  @Roles([...ROLES])
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, with the role and permissions their token grants' })
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
}
