import { describe, expect, it } from 'vitest';
import { FAKE_SECRET, signedAccessToken } from '../test/fake-api';
import { bytesToBase64url, textToBase64url } from './base64url';
import { reassembleJws, selectJwk, signHmacJws, verifyJws } from './jws';

const CLAIMS = { sub: '3', role: 'writer', exp: 2_000_000_000 };

function toPem(der: ArrayBuffer, label: string): string {
  const base64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----`;
}

async function es256Token(privateKey: CryptoKey, claims: Record<string, unknown>): Promise<string> {
  const input = `${textToBase64url(JSON.stringify({ alg: 'ES256', typ: 'at+jwt', kid: 'ec-1' }))}.${textToBase64url(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${bytesToBase64url(new Uint8Array(signature))}`;
}

describe('verifyJws with an HMAC secret', () => {
  it('verifies a token with the secret it was signed with, given as base64', async () => {
    const token = await signedAccessToken(CLAIMS);
    await expect(
      verifyJws(token, { kind: 'secret', secret: FAKE_SECRET, encoding: 'base64' }),
    ).resolves.toMatchObject({ status: 'verified' });
  });

  it('does not verify with the same characters read as text, nor with another secret', async () => {
    const token = await signedAccessToken(CLAIMS);
    await expect(
      verifyJws(token, { kind: 'secret', secret: FAKE_SECRET, encoding: 'utf8' }),
    ).resolves.toMatchObject({ status: 'mismatch' });
    await expect(
      verifyJws(token, { kind: 'secret', secret: 'another secret', encoding: 'utf8' }),
    ).resolves.toMatchObject({ status: 'mismatch' });
  });

  it('reports a changed payload as a mismatch, even with the right secret', async () => {
    const [header, , signature] = (await signedAccessToken(CLAIMS)).split('.');
    const tampered = `${header}.${textToBase64url(JSON.stringify({ ...CLAIMS, role: 'admin' }))}.${signature}`;
    await expect(
      verifyJws(tampered, { kind: 'secret', secret: FAKE_SECRET, encoding: 'base64' }),
    ).resolves.toMatchObject({ status: 'mismatch' });
  });

  it('never verifies an unsigned alg "none" token', async () => {
    const token = reassembleJws({ alg: 'none' }, CLAIMS, '');
    const result = await verifyJws(token, {
      kind: 'secret',
      secret: FAKE_SECRET,
      encoding: 'base64',
    });
    expect(result.status).toBe('cannot-check');
    expect(result.text).toContain('unsigned');
  });

  it('refuses a secret that is not base64 when base64 is chosen, instead of guessing', async () => {
    const token = await signedAccessToken(CLAIMS);
    await expect(
      verifyJws(token, { kind: 'secret', secret: 'not base64!', encoding: 'base64' }),
    ).resolves.toMatchObject({ status: 'cannot-check' });
  });

  it('signs with a text secret so that the same secret verifies it', async () => {
    const token = await signHmacJws(
      { alg: 'HS384', typ: 'JWT' },
      CLAIMS,
      'classroom secret',
      'utf8',
    );
    await expect(
      verifyJws(token, { kind: 'secret', secret: 'classroom secret', encoding: 'utf8' }),
    ).resolves.toMatchObject({ status: 'verified' });
  });
});

describe('verifyJws with public keys', () => {
  it('signs with an empty key, as a verifier that read an empty file would (kid injection)', async () => {
    const token = await signHmacJws(
      { alg: 'HS256', typ: 'at+jwt', kid: '../../../../dev/null' },
      { role: 'admin' },
      '',
      'utf8',
      { emptyKey: true },
    );
    const [header = '', payload = '', signature = ''] = token.split('.');
    // HMAC-SHA256 with a zero-length key over the signing input, from Node's own crypto.
    const { createHmac } = await import('node:crypto');
    expect(signature).toBe(
      createHmac('sha256', Buffer.alloc(0)).update(`${header}.${payload}`).digest('base64url'),
    );
    await expect(signHmacJws({ alg: 'HS256' }, {}, '', 'utf8')).rejects.toThrow();
  });

  it('verifies ES256 with the PEM public key and with the JWK, and not with another key', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const token = await es256Token(pair.privateKey, CLAIMS);
    const pem = toPem(await crypto.subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const otherPem = toPem(await crypto.subtle.exportKey('spki', other.publicKey), 'PUBLIC KEY');

    await expect(verifyJws(token, { kind: 'pem', pem })).resolves.toMatchObject({
      status: 'verified',
    });
    await expect(
      verifyJws(token, { kind: 'jwk', jwk, source: 'from the JWKS' }),
    ).resolves.toMatchObject({ status: 'verified' });
    await expect(verifyJws(token, { kind: 'pem', pem: otherPem })).resolves.toMatchObject({
      status: 'mismatch',
    });
  });

  it('explains a private key, a certificate and a secret used for ES256 instead of trying them', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const token = await es256Token(pair.privateKey, CLAIMS);
    const privatePem = toPem(
      await crypto.subtle.exportKey('pkcs8', pair.privateKey),
      'PRIVATE KEY',
    );

    expect((await verifyJws(token, { kind: 'pem', pem: privatePem })).text).toContain(
      'private key',
    );
    expect(
      (
        await verifyJws(token, {
          kind: 'pem',
          pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        })
      ).text,
    ).toContain('certificate');
    expect(
      (await verifyJws(token, { kind: 'secret', secret: FAKE_SECRET, encoding: 'base64' })).text,
    ).toContain('shared secret cannot check');
  });

  it('will not use a public key as an HMAC secret (algorithm confusion)', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ]);
    const pem = toPem(await crypto.subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
    const token = await signHmacJws({ alg: 'HS256' }, CLAIMS, pem, 'utf8');
    const result = await verifyJws(token, { kind: 'pem', pem });
    expect(result.status).toBe('cannot-check');
  });
});

describe('selectJwk', () => {
  const keys = [{ kty: 'EC', kid: 'a' } as JsonWebKey, { kty: 'EC', kid: 'b' } as JsonWebKey];

  it('picks the key named by kid, and says when there is none', () => {
    expect(selectJwk(keys, 'b')).toEqual({ key: keys[1] });
    expect(selectJwk(keys, 'c')).toMatchObject({ problem: expect.stringContaining('kid "c"') });
    expect(selectJwk([], 'a')).toMatchObject({ problem: expect.stringContaining('HS256') });
  });
});
