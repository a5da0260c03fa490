/**
 * Reads a compact JWS (header.payload.signature) without verifying it. Tolerant on purpose: a
 * learner pastes broken tokens, so each part reports its own problem instead of one throw.
 */
export type JwtPart = 'header' | 'payload' | 'signature';

export type JsonObject = Record<string, unknown>;

export type PartResult<T> =
  | { ok: true; value: T }
  /** `text` is what the part decoded to, when it got that far; `position` is where the JSON broke. */
  | { ok: false; problem: string; text?: string; position?: number };

export type DecodedJwt =
  | { ok: false; problem: string }
  | {
      ok: true;
      /** The three base64url segments exactly as they appear in the token. */
      segments: Record<JwtPart, string>;
      header: PartResult<JsonObject>;
      payload: PartResult<JsonObject>;
      /** The signature is not checked here; its value is its length in bytes. */
      signature: PartResult<{ byteLength: number }>;
    };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Problem with a base64url segment, or null when it is well-formed (RFC 7515 §2: no padding). */
function base64urlProblem(segment: string): string | null {
  if (segment === '') return 'is empty';
  if (!BASE64URL.test(segment)) {
    const bad = [...segment].find((char) => !/[A-Za-z0-9_-]/.test(char)) ?? '';
    return `is not base64url: it contains ${JSON.stringify(bad)}`;
  }
  if (segment.length % 4 === 1) return 'is not base64url: its length cannot come from whole bytes';
  return null;
}

function base64urlToBytes(segment: string): Uint8Array {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Where JSON.parse gave up, from its message ("… at position 12 …"), or the end for a cut-off text. */
function jsonErrorPosition(error: unknown, text: string): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  if (/end of (JSON )?input/i.test(message)) return text.length;
  const token = /Unexpected token '(.)'/.exec(message);
  if (token) {
    const index = text.indexOf(token[1]!);
    return index === -1 ? undefined : index;
  }
  return undefined;
}

function decodeJsonPart(segment: string): PartResult<JsonObject> {
  const problem = base64urlProblem(segment);
  if (problem) return { ok: false, problem };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(base64urlToBytes(segment));
  } catch {
    return { ok: false, problem: 'decodes to bytes that are not UTF-8 text' };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = jsonErrorPosition(error, text);
    return {
      ok: false,
      problem: 'decodes to text that is not JSON',
      text,
      ...(position === undefined ? {} : { position }),
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'decodes to JSON that is not an object', text };
  }
  return { ok: true, value: value as JsonObject };
}

function decodeSignature(segment: string): PartResult<{ byteLength: number }> {
  const problem = base64urlProblem(segment);
  if (problem) return { ok: false, problem };
  return { ok: true, value: { byteLength: Math.floor((segment.length * 3) / 4) } };
}

export function decodeJwt(token: string): DecodedJwt {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    const hint =
      parts.length === 5
        ? ' (five parts is an encrypted JWE, which cannot be read without its key)'
        : '';
    return {
      ok: false,
      problem: `A signed JWT has three parts separated by dots; this one has ${parts.length}${hint}.`,
    };
  }
  const [header = '', payload = '', signature = ''] = parts;
  return {
    ok: true,
    segments: { header, payload, signature },
    header: decodeJsonPart(header),
    payload: decodeJsonPart(payload),
    signature: decodeSignature(signature),
  };
}

/** Whether a token's exp (if readable) is still ahead: an expired token would get a request refused. */
export function isUnexpired(token: string, nowSeconds = Date.now() / 1000): boolean {
  const decoded = decodeJwt(token);
  if (!decoded.ok || !decoded.payload.ok) return false;
  const exp = decoded.payload.value.exp;
  return typeof exp !== 'number' || exp > nowSeconds;
}
