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
  'encoding.corrupt': {
    status: 400,
    message: 'The request body is not valid data for its Content-Encoding.',
  },
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
  if (type === 'encoding.corrupt') return { status: 400, message };
  return BODY_ERRORS[type];
}

/** Encodings Express's body parser inflates; any other is a 415 before a byte is read. */
const INFLATED = new Set(['gzip', 'deflate', 'br', 'zstd']);

/**
 * zlib's own messages ("incorrect header check", "unexpected end of file") describe its
 * internals, and body-parser passes them on as the client's error: a corrupt compressed body
 * gets a sentence of ours instead, in the one error shape (CWE-209). Other errors pass as they are.
 */
export function inOwnWordsIfCorrupt(error: unknown, contentEncoding: string | undefined): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return error;
  const encoding = contentEncoding?.trim().toLowerCase() ?? '';
  const named = INFLATED.has(encoding) ? `${encoding} data` : 'data for its Content-Encoding';
  const message = `The request body is not valid ${named}, as its Content-Encoding says it is.`;
  return Object.assign(new Error(message), { type: 'encoding.corrupt', status: 400 });
}
