import type { SecretEncoding } from '../lib/jws';

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Each character's 6-bit value, from either alphabet (RFC 4648 §4 and §5). */
function sextet(char: string): number {
  if (char === '-') return 62;
  if (char === '_') return 63;
  return BASE64_ALPHABET.indexOf(char);
}

/**
 * Decodes base64 or base64url strictly (RFC 4648 §3.5: the unused bits of the last character are
 * zero), so a passphrase that merely uses base64's letters is not taken for one.
 */
export function strictBase64Bytes(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  const match = /^([A-Za-z0-9+/_-]*)(=*)$/.exec(compact);
  if (!match) return null;
  const [, body = '', padding = ''] = match;
  if (body.length % 4 === 1 || padding.length > 2) return null;
  if (padding.length > 0 && (body.length + padding.length) % 4 !== 0) return null;
  // One alphabet or the other: a mix of the two is no encoding.
  if (/[+/]/.test(body) && /[-_]/.test(body)) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const value of [...body].map(sextet)) {
    buffer = ((buffer << 6) | value) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(bytes);
}

/** Text a person would type: valid UTF-8 with no control characters but tab and line breaks. */
function readableText(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const control = [...text].some((char) => {
      const code = char.codePointAt(0)!;
      return (code < 0x20 && !'\t\n\r'.includes(char)) || (code >= 0x7f && code <= 0x9f);
    });
    return control ? null : text;
  } catch {
    return null;
  }
}

/**
 * Why a secret read as base64 is probably not what the learner meant: HMAC keys are bytes, and
 * the same letters give other bytes as text than as base64 — a signature that silently never matches.
 */
export function secretWarning(secret: string, encoding: SecretEncoding): string | null {
  if (encoding !== 'base64' || secret.trim() === '') return null;
  const bytes = strictBase64Bytes(secret);
  if (!bytes)
    return 'This is not valid base64, so its bytes are a guess. If it is a passphrase, choose plain text.';
  const text = readableText(bytes);
  if (text !== null)
    return `This base64 decodes to readable text (“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”): a key made of random bytes does not. If that text is the secret, type it and choose plain text.`;
  return null;
}
