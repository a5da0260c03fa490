/**
 * Errors of Express's body parser (and our JSON-only check) carry a `type`; these are the ones a
 * client can cause, with the status and sentence the API answers. Shared by the error filter
 * and the trace, so both tell the same story.
 */
export const BODY_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  'entity.parse.failed': { status: 400, message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, message: 'The request body is larger than 100 kB.' },
  'encoding.unsupported': {
    status: 415,
    message: 'The request body uses an unsupported content encoding.',
  },
  'charset.unsupported': { status: 415, message: 'The request body uses an unsupported charset.' },
  'request.aborted': { status: 400, message: 'The request was aborted before its body arrived.' },
  'request.size.invalid': {
    status: 400,
    message: 'The request body does not match its Content-Length.',
  },
  'media.unsupported': {
    status: 415,
    message: 'The request body must be JSON, sent with Content-Type: application/json.',
  },
};

/** How a refused prototype key is reported, so the error filter can name it. */
export const PROTOTYPE_KEY_ERROR = 'forbidden key';

/** The status and sentence for a body error, or undefined for anything else. */
export function describeBodyError(error: unknown): { status: number; message: string } | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(BODY_ERRORS, type)) return undefined;
  const message = (error as Error).message;
  if (type === 'entity.parse.failed' && message.startsWith(PROTOTYPE_KEY_ERROR)) {
    return {
      status: 400,
      message: `The request body contains a ${message}, which is never accepted.`,
    };
  }
  return BODY_ERRORS[type];
}
