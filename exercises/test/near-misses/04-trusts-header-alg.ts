import { createHmac, timingSafeEqual, verify } from 'node:crypto';

// Near miss: a careful hand-written verifier, except that it lets the header's alg choose the algorithm.
const part = (segment: string | undefined) =>
  JSON.parse(Buffer.from(segment ?? '', 'base64url').toString()) as Record<string, unknown>;

export function verifyAccessToken(token: string, key: { kid: string; publicKeyPem: string }) {
  const segments = token.split('.');
  if (segments.length !== 3) throw new Error('not a JWS');
  const [headerPart, payloadPart, signaturePart = ''] = segments;
  const header = part(headerPart);
  const payload = part(payloadPart);
  const input = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  const alg = String(header.alg).toUpperCase();
  if (alg === 'HS256') {
    const expected = createHmac('sha256', key.publicKeyPem).update(input).digest();
    if (expected.length !== signature.length || !timingSafeEqual(expected, signature))
      throw new Error('bad signature');
  } else if (alg === 'ES256') {
    if (!verify('sha256', input, { key: key.publicKeyPem, dsaEncoding: 'ieee-p1363' }, signature))
      throw new Error('bad signature');
  } else if (alg !== 'NONE') {
    throw new Error('unsupported alg');
  }
  const now = Math.floor(Date.now() / 1000);
  if (header.kid !== key.kid || !['at+jwt', 'application/at+jwt'].includes(String(header.typ)))
    throw new Error('header');
  if (['jku', 'x5u', 'jwk', 'x5c', 'crit'].some((field) => field in header))
    throw new Error('header field');
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new Error('claims');
  const aud = [payload.aud].flat();
  if (payload.iss !== 'authlab' || !aud.includes('authlab-api')) throw new Error('iss/aud');
  if (typeof payload.exp !== 'number' || payload.exp <= now) throw new Error('exp');
  if (typeof payload.iat !== 'number' || payload.iat > now + 30) throw new Error('iat');
  if (typeof payload.nbf === 'number' && payload.nbf > now + 30) throw new Error('nbf');
  if (typeof payload.sub !== 'string') throw new Error('sub');
  return payload;
}
