import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CookieSessionResponse, TokenDelivery, TokenResponse } from '@authlab/shared';
import { currentTrace } from '../../trace/trace-context.js';
import type { SignedIn } from '../sign-in/auth.service.js';
import { SessionCookies } from './cookies/session-cookies.js';
import { CsrfTokens } from './csrf/csrf-tokens.js';

/**
 * Hands a new session to the client, the way it asked: tokens in the JSON body (any client),
 * or in HttpOnly cookies the page's JavaScript never sees (browsers), with the CSRF token that
 * the page must echo on state-changing requests.
 */
@Injectable()
export class SessionResponses {
  constructor(
    private readonly cookies: SessionCookies,
    private readonly csrf: CsrfTokens,
  ) {}

  deliver(
    response: Response,
    mode: TokenDelivery,
    { user, access, session }: SignedIn,
  ): TokenResponse | CookieSessionResponse {
    // The sign-in's later requests are filed under the playground session it was made from.
    currentTrace()?.startedAuthSession(session.sessionId);
    // Listed field by field: the record read from the database also holds the password hash.
    const view = { id: user.id, username: user.username, role: user.role };
    if (mode === 'body') {
      return {
        user: view,
        accessToken: access.accessToken,
        tokenType: 'Bearer',
        expiresIn: access.expiresIn,
        refreshToken: session.refreshToken,
        refreshExpiresIn: session.refreshExpiresIn,
      };
    }
    const csrfToken = this.csrf.forSession(session.sessionId);
    this.cookies.set(response, {
      accessToken: access.accessToken,
      accessTokenTtlSeconds: access.expiresIn,
      refreshToken: session.refreshToken,
      refreshTtlSeconds: session.refreshExpiresIn,
      csrfToken,
    });
    return {
      user: view,
      tokenDelivery: 'cookie',
      expiresIn: access.expiresIn,
      refreshExpiresIn: session.refreshExpiresIn,
      csrfToken,
    };
  }
}
