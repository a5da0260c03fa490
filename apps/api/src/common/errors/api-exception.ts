import { HttpException } from '@nestjs/common';
import type { FieldIssue } from '@authlab/shared';

/**
 * An HttpException whose message is safe to show and which may carry response headers
 * (a `WWW-Authenticate` challenge, a `Retry-After`). The exception filter writes both.
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly details?: FieldIssue[],
    /** An OAuth error code where one applies (`invalid_grant`), written to the body as `code`. */
    readonly code?: string,
  ) {
    super(message, status);
  }
}
