import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OAUTH_AUTHORIZE_PATH } from '@authlab/shared';
import { sameSecret } from '../../auth/sessions/csrf/csrf-tokens.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * The sign-in and consent forms' CSRF defence (OWASP double-submit cookie): each page sets a
 * random value in a SameSite=Strict cookie and in a hidden field, and a POST must bring both.
 * Another site can make a browser post the form, but cannot read or set the cookie — so it can
 * neither sign the victim into its own account (login CSRF) nor click "Allow" for them.
 */
@Injectable()
export class ConsentFormToken {
  private readonly cookieName: string;
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.cookies.secure;
    this.cookieName = this.secure ? '__Secure-authlab_oauth_form' : 'authlab_oauth_form';
  }

  issue(response: Response): string {
    const token = randomBytes(32).toString('base64url');
    response.cookie(this.cookieName, token, {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'strict',
      path: OAUTH_AUTHORIZE_PATH,
    });
    return token;
  }

  matches(request: Request, submitted: unknown): boolean {
    const cookies = (request.cookies ?? {}) as Record<string, unknown>;
    const cookie = Object.hasOwn(cookies, this.cookieName) ? cookies[this.cookieName] : undefined;
    return (
      typeof cookie === 'string' &&
      typeof submitted === 'string' &&
      cookie.length > 0 &&
      sameSecret(cookie, submitted)
    );
  }
}
