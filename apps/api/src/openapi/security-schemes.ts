import type { DocumentBuilder } from '@nestjs/swagger';
import { ACCESS_TOKEN_COOKIE, CSRF_HEADER } from '@authlab/shared';

/** The names of the document's security schemes. */
export const SECURITY = {
  bearer: 'bearer',
  basic: 'basic',
  cookie: 'cookie',
  csrf: 'csrf',
} as const;

/** The ways a caller proves who it is: a bearer token, the session cookie (+ CSRF header), Basic. */
export function addSecuritySchemes(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token from sign-in, sign-up, refresh or the client-credentials grant (RFC 6750).',
      },
      SECURITY.bearer,
    )
    .addBasicAuth(
      {
        type: 'http',
        scheme: 'basic',
        description:
          'Sign-in: username and password. Token endpoint: client id and secret (RFC 6749 §2.3.1).',
      },
      SECURITY.basic,
    )
    .addCookieAuth(
      ACCESS_TOKEN_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'Cookie mode: the access token in an HttpOnly cookie (`__Host-` prefixed over HTTPS). ' +
          'State-changing requests also need the CSRF header.',
      },
      SECURITY.cookie,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: CSRF_HEADER,
        description:
          'Cookie mode: the CSRF cookie’s value, copied into this header (double submit).',
      },
      SECURITY.csrf,
    );
}
