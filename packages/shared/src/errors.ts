/** The one JSON shape of every error the API returns. */
export interface ErrorBody {
  statusCode: number;
  /** The HTTP reason phrase, e.g. "Unauthorized". */
  error: string;
  /** A sentence for people; never a library's own text or a stack trace. */
  message: string;
  /** An OAuth error code where the situation has one (`invalid_grant` for a refresh token that cannot be used). */
  code?: string;
  /** Present for validation errors: which field failed and why. */
  details?: FieldIssue[];
  /** The id of this request's trace (also in the X-Trace-Id header). */
  traceId: string;
}

export interface FieldIssue {
  path: string;
  message: string;
}
