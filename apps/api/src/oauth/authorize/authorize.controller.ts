import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { credentialsSchema, permissionsOf } from '@authlab/shared';
import { AuthService } from '../../auth/sign-in/auth.service.js';
import { clientIp } from '../../auth/sign-in/client-ip.js';
import { Public } from '../../auth/decorators/public.decorator.js';
import { ApiException } from '../../common/errors/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { UsersRepository, type VersionedUser } from '../../users/users.repository.js';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import { AuthorizationCodesService } from '../codes/authorization-codes.service.js';
import { GrantsService } from '../grants/grants.service.js';
import { issuerOf } from '../metadata/issuer.js';
import { AuthorizationLogin } from './authorization-login.js';
import {
  authorizationResponseUrl,
  checkAuthorizationRequest,
  requestedClientId,
  type AuthorizationRequest,
  type RedirectableError,
} from './authorization-request.js';
import { ConsentFormToken } from './consent-form-token.js';
import { renderConsentPage, renderErrorPage } from './consent-page.js';

type Parameters = Record<string, unknown>;

/**
 * The authorization endpoint (RFC 6749 §4.1.1): authlab's own sign-in and consent pages,
 * rendered by the API on its own origin — the application never sees the user's password.
 * GET checks the request and shows a page; the page posts back here with the same parameters.
 */
@ApiTags('oauth')
@Controller('oauth/authorize')
export class AuthorizeController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clients: OAuthClientsService,
    private readonly codes: AuthorizationCodesService,
    private readonly grants: GrantsService,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly login: AuthorizationLogin,
    private readonly formToken: ConsentFormToken,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Authorization endpoint: checks the request (PKCE S256 required) and shows authlab’s sign-in or consent page (HTML)',
  })
  async authorize(@Req() request: Request, @Res() response: Response): Promise<void> {
    const checked = await this.check(request.query, request, response);
    if (!checked) return;
    const user = await this.signedInUser(request);
    if (user) return this.continueAs(user, checked, request, response);
    this.showPage(response, checked);
  }

  @Public()
  @Post()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary:
      'The sign-in and consent page’s form: sign in, allow or deny; answers with the next page or a redirect to the application',
  })
  async decide(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = (request.is('application/x-www-form-urlencoded') !== false && request.body) as
      Parameters | false;
    if (!form || !this.formToken.matches(request, form.form_token)) {
      this.showError(response, 403, {
        title: 'This page has expired',
        message:
          'The form did not come from this page in this browser. Go back to the application and start again.',
      });
      return;
    }
    const checked = await this.check(form, request, response);
    if (!checked) return;
    const action = form.action;
    if (action === 'deny') {
      return this.redirectError(request, response, 303, {
        redirectUri: checked.redirectUri,
        state: checked.state,
        error: 'access_denied',
        description: 'The user did not allow the application to act for them.',
      });
    }
    if (action === 'signin') {
      const credentials = credentialsSchema.safeParse({
        username: form.username,
        password: form.password,
      });
      if (!credentials.success) {
        return this.showPage(response, checked, undefined, 'Enter your username and password.');
      }
      let user: VersionedUser;
      try {
        user = await this.auth.verifyCredentials(credentials.data, clientIp(request));
      } catch (error) {
        if (!(error instanceof ApiException)) throw error;
        return this.showPage(response, checked, undefined, error.message);
      }
      this.login.remember(response, { userId: user.id, tokenVersion: user.tokenVersion });
      return this.continueAs(user, checked, request, response);
    }
    if (action === 'allow') {
      const user = await this.signedInUser(request);
      if (!user)
        return this.showPage(
          response,
          checked,
          undefined,
          'Your sign-in has expired; sign in again.',
        );
      if (!this.withinRole(user, checked))
        return this.refuseBeyondRole(user, checked, request, response);
      await this.grants.remember(user.id, checked.client.clientId, checked.scope);
      return this.redirectWithCode(user, checked, request, response, 303);
    }
    this.showPage(response, checked, await this.signedInUser(request));
  }

  /** The checked request, or undefined once an error page or error redirect has been sent. */
  private async check(
    parameters: Parameters,
    request: Request,
    response: Response,
  ): Promise<AuthorizationRequest | undefined> {
    const clientId = requestedClientId(parameters);
    const client = clientId === undefined ? undefined : await this.clients.active(clientId);
    const checked = checkAuthorizationRequest(parameters, client);
    if (checked.kind === 'untrusted') {
      this.showError(response, 400, {
        title: 'This request cannot be trusted',
        message: checked.message,
      });
      return undefined;
    }
    if (checked.kind === 'redirect-error') {
      this.redirectError(request, response, request.method === 'GET' ? 302 : 303, checked.error);
      return undefined;
    }
    return checked.request;
  }

  /** The user signed in on this page, if their sign-in is still current (token version unchanged). */
  private async signedInUser(request: Request): Promise<VersionedUser | undefined> {
    const login = this.login.read(request);
    if (!login) return undefined;
    const user = await this.users.findById(login.userId);
    return user?.tokenVersion === login.tokenVersion ? user : undefined;
  }

  private withinRole(user: VersionedUser, checked: AuthorizationRequest): boolean {
    const held = permissionsOf(user.role);
    return checked.scope.every((permission) => held.includes(permission));
  }

  /** Signed in: beyond the role is refused, a remembered grant goes straight back, else consent is asked. */
  private async continueAs(
    user: VersionedUser,
    checked: AuthorizationRequest,
    request: Request,
    response: Response,
  ): Promise<void> {
    if (!this.withinRole(user, checked))
      return this.refuseBeyondRole(user, checked, request, response);
    if (await this.grants.covers(user.id, checked.client.clientId, checked.scope)) {
      return this.redirectWithCode(
        user,
        checked,
        request,
        response,
        request.method === 'GET' ? 302 : 303,
      );
    }
    this.showPage(response, checked, user);
  }

  private refuseBeyondRole(
    user: VersionedUser,
    checked: AuthorizationRequest,
    request: Request,
    response: Response,
  ): void {
    const held = permissionsOf(user.role);
    const beyond = checked.scope.filter((permission) => !held.includes(permission));
    this.redirectError(request, response, request.method === 'GET' ? 302 : 303, {
      redirectUri: checked.redirectUri,
      state: checked.state,
      error: 'invalid_scope',
      description: `The scope asks for ${beyond.join(', ')}, which the user's role (${user.role}) does not hold.`,
    });
  }

  private async redirectWithCode(
    user: VersionedUser,
    checked: AuthorizationRequest,
    request: Request,
    response: Response,
    status: 302 | 303,
  ): Promise<void> {
    const code = await this.codes.issue({
      clientId: checked.client.clientId,
      userId: user.id,
      redirectUri: checked.redirectUri,
      codeChallenge: checked.codeChallenge,
      scope: checked.scope,
    });
    response.redirect(
      status,
      authorizationResponseUrl(checked.redirectUri, issuerOf(this.config, request), checked.state, {
        code,
      }),
    );
  }

  /** RFC 6749 §4.1.2.1: only ever to a redirect URI already matched against the registration. */
  private redirectError(
    request: Request,
    response: Response,
    status: 302 | 303,
    error: RedirectableError,
  ): void {
    response.redirect(
      status,
      authorizationResponseUrl(error.redirectUri, issuerOf(this.config, request), error.state, {
        error: error.error,
        error_description: error.description,
      }),
    );
  }

  private showPage(
    response: Response,
    checked: AuthorizationRequest,
    user?: VersionedUser,
    message?: string,
  ): void {
    const formToken = this.formToken.issue(response);
    const redirectOrigin = new URL(checked.redirectUri).origin;
    // The form may post here and the answer then redirects to the application: CSP form-action
    // must allow both. No page may frame this one (clickjacking, RFC 9700 §4.16).
    this.sendHtml(
      response,
      200,
      renderConsentPage({
        applicationName: checked.client.name,
        redirectOrigin,
        scope: checked.scope,
        parameters: checked.parameters,
        formToken,
        ...(user && { user: { username: user.username, role: user.role } }),
        ...(message !== undefined && { message }),
      }),
      `'self' ${redirectOrigin}`,
    );
  }

  private showError(
    response: Response,
    status: number,
    page: { title: string; message: string },
  ): void {
    this.sendHtml(response, status, renderErrorPage(page), "'none'");
  }

  private sendHtml(response: Response, status: number, html: string, formAction: string): void {
    response.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    );
    response.setHeader('X-Frame-Options', 'DENY');
    response.status(status).type('html').send(html);
  }
}
