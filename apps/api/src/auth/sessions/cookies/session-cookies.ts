import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import {
  ACCESS_TOKEN_COOKIE,
  CSRF_COOKIE,
  HOST_COOKIE_PREFIX,
  REFRESH_PATH,
  REFRESH_TOKEN_COOKIE,
  SECURE_COOKIE_PREFIX,
} from '@authlab/shared';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';

export interface SessionCookieNames {
  access: string;
  refresh: string;
  csrf: string;
}

/**
 * The names the browser must see. Over HTTPS the prefixes make the browser refuse a cookie
 * that lacks Secure (both), or that names a Domain or a Path other than / (`__Host-`), so a
 * sibling subdomain or a plain-HTTP page cannot plant one. The refresh cookie has a narrower
 * Path, which `__Host-` forbids, hence `__Secure-`.
 */
export function sessionCookieNames(config: Pick<AppConfig, 'cookies'>): SessionCookieNames {
  if (!config.cookies.secure)
    return { access: ACCESS_TOKEN_COOKIE, refresh: REFRESH_TOKEN_COOKIE, csrf: CSRF_COOKIE };
  return {
    access: `${HOST_COOKIE_PREFIX}${ACCESS_TOKEN_COOKIE}`,
    refresh: `${SECURE_COOKIE_PREFIX}${REFRESH_TOKEN_COOKIE}`,
    csrf: `${HOST_COOKIE_PREFIX}${CSRF_COOKIE}`,
  };
}

export interface SessionCookieValues {
  accessToken: string;
  accessTokenTtlSeconds: number;
  refreshToken: string;
  refreshTtlSeconds: number;
  csrfToken: string;
}

/**
 * Every cookie attribute the API sets is decided here, once. SameSite=Strict: the browser
 * never attaches these cookies to a request started by another site, not even a top-level
 * link (Lax would allow that for GET navigations; an API has no use for it).
 */
@Injectable()
export class SessionCookies {
  readonly names: SessionCookieNames;
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.names = sessionCookieNames(config);
    this.secure = config.cookies.secure;
    if (!this.secure) {
      new Logger('Cookies').warn(
        'Cookie mode over plain HTTP: session cookies are not Secure and carry no __Host-/__Secure- prefix. ' +
          'Fine on localhost only; set PUBLIC_ORIGIN=https://… (or NODE_ENV=production) behind TLS.',
      );
    }
  }

  set(response: Response, values: SessionCookieValues): void {
    response.cookie(
      this.names.access,
      values.accessToken,
      this.options('/', values.accessTokenTtlSeconds, true),
    );
    // Sent only to the refresh endpoint: a page elsewhere on the site never carries it.
    response.cookie(
      this.names.refresh,
      values.refreshToken,
      this.options(REFRESH_PATH, values.refreshTtlSeconds, true),
    );
    // Readable by the page on purpose (double submit): it proves nothing without the HttpOnly cookies.
    response.cookie(
      this.names.csrf,
      values.csrfToken,
      this.options('/', values.refreshTtlSeconds, false),
    );
  }

  clear(response: Response): void {
    response.clearCookie(this.names.access, this.options('/', 0, true));
    response.clearCookie(this.names.refresh, this.options(REFRESH_PATH, 0, true));
    response.clearCookie(this.names.csrf, this.options('/', 0, false));
  }

  /** Whether the API sets this cookie, and whether HttpOnly. */
  describe(name: string): { setByApi: boolean; httpOnly: boolean | null } {
    if (name === this.names.access || name === this.names.refresh)
      return { setByApi: true, httpOnly: true };
    if (name === this.names.csrf) return { setByApi: true, httpOnly: false };
    return { setByApi: false, httpOnly: null };
  }

  private options(path: string, maxAgeSeconds: number, httpOnly: boolean): CookieOptions {
    const options: CookieOptions = { httpOnly, secure: this.secure, sameSite: 'strict', path };
    if (maxAgeSeconds > 0) options.maxAge = maxAgeSeconds * 1000;
    return options;
  }
}
