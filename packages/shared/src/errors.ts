import { z } from 'zod';

export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The one JSON shape of every error the API returns. */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  /** The HTTP reason phrase, e.g. "Unauthorized". */
  error: z.string(),
  /** A sentence for people; never a library's own text or a stack trace. */
  message: z.string(),
  /** An OAuth error code where the situation has one (`invalid_grant` for a refresh token that cannot be used). */
  code: z.string().optional(),
  /** Present for validation errors: which field failed and why. */
  details: z.array(fieldIssueSchema).optional(),
  /** The id of this request's trace (also in the X-Trace-Id header). */
  traceId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
