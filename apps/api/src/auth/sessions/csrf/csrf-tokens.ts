import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { deriveKey } from '../../tokens/derived-key.js';
import { SIGNING_KEYS, type SigningKeys } from '../../tokens/signing-keys.js';

/** Compares two strings in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * CSRF tokens bound to a session (OWASP's "signed double-submit cookie"): an HMAC of the
 * session id. A cookie planted by someone else — from a sibling subdomain, say — carries a
 * token for another session and fails, which a plain random double-submit value would not.
 */
@Injectable()
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(@Inject(SIGNING_KEYS) keys: SigningKeys) {
    this.key = deriveKey(keys, 'csrf-token');
  }

  forSession(sessionId: string): string {
    return createHmac('sha256', this.key).update(sessionId).digest('base64url');
  }

  belongsTo(sessionId: string, token: string): boolean {
    return sameSecret(this.forSession(sessionId), token);
  }
}
