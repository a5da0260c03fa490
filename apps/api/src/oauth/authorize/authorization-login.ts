import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { OAUTH_AUTHORIZE_PATH } from '@authlab/shared';
import { sameSecret } from '../../auth/sessions/csrf/csrf-tokens.js';
import { deriveKey } from '../../auth/tokens/derived-key.js';
import { SIGNING_KEYS, type SigningKeys } from '../../auth/tokens/signing-keys.js';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** How long the authorization server remembers who signed in on its page. */
const LOGIN_TTL_SECONDS = 10 * 60;

export interface SignedInAtAuthorization {
  userId: number;
  tokenVersion: number;
}

/**
 * Who signed in on the authorization page, kept in an HttpOnly cookie only the authorize
 * endpoint receives: `userId.tokenVersion.expiry.HMAC`. SameSite=Lax, because the next
 * authorization request arrives as a top-level navigation from the application's site; the
 * token version in it means a password change or sign-out-everywhere ends it too.
 */
@Injectable()
export class AuthorizationLogin {
  readonly cookieName: string;
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SIGNING_KEYS) keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.key = deriveKey(keys, 'oauth-authorization-login');
    this.cookieName = config.cookies.secure
      ? '__Secure-authlab_oauth_login'
      : 'authlab_oauth_login';
  }

  remember(response: Response, user: SignedInAtAuthorization): void {
    const expiry = this.clock.nowSeconds() + LOGIN_TTL_SECONDS;
    const payload = `${user.userId}.${user.tokenVersion}.${expiry}`;
    response.cookie(this.cookieName, `${payload}.${this.mac(payload)}`, {
      ...this.options(),
      maxAge: LOGIN_TTL_SECONDS * 1000,
    });
  }

  forget(response: Response): void {
    response.clearCookie(this.cookieName, this.options());
  }

  /** The user the cookie vouches for, if it is genuine and unexpired (the version is checked by the caller). */
  read(request: Request): SignedInAtAuthorization | undefined {
    const cookies = (request.cookies ?? {}) as Record<string, unknown>;
    const value = Object.hasOwn(cookies, this.cookieName) ? cookies[this.cookieName] : undefined;
    if (typeof value !== 'string') return undefined;
    const match = /^([1-9][0-9]{0,9})\.([0-9]{1,10})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(
      value,
    );
    if (!match) return undefined;
    const [, userId, version, expiry, mac] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (!sameSecret(this.mac(`${userId}.${version}.${expiry}`), mac)) return undefined;
    if (Number(expiry) <= this.clock.nowSeconds()) return undefined;
    return { userId: Number(userId), tokenVersion: Number(version) };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private options(): CookieOptions {
    return {
      httpOnly: true,
      secure: this.config.cookies.secure,
      sameSite: 'lax',
      path: OAUTH_AUTHORIZE_PATH,
    };
  }
}
