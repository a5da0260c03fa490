// The battery: three good tokens and 32 forged or malformed ones.
import { DEFAULT_AUDIENCE } from '@authlab/shared';
import {
  jsonSegment as json,
  jws,
  wellMade,
  type Keys,
  type Signer,
} from '../src/grading/tokens.js';

export interface Forgery {
  /** What the token is, as the report names it. */
  name: string;
  token: string;
  /** Why a strict verifier refuses it, with the rule; shown when the learner's accepts it. */
  why: string;
}

export function buildBattery(keys: Keys) {
  const { now, header, claims } = wellMade(keys);
  const ours: Signer = { es256: keys.privateKey };
  const attacker: Signer = { es256: keys.attackerPrivateKey };
  const without = (name: keyof typeof claims) =>
    Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));
  const valid = jws(header, claims, ours);
  const [validHeader, , validSignature] = valid.split('.');

  const accepted = [
    { name: 'a well-made token', token: valid },
    {
      name: 'a token whose aud is a list naming this API',
      token: jws(header, { ...claims, aud: ['billing-api', DEFAULT_AUDIENCE] }, ours),
      why: 'RFC 7519 §4.1.3: aud may be an array; it is enough that it contains this API',
    },
    {
      name: 'a token typed "application/at+jwt"',
      token: jws({ ...header, typ: 'application/at+jwt' }, claims, ours),
      why: 'RFC 9068 §4: typ is "at+jwt" or "application/at+jwt"',
    },
  ];

  const forged: Forgery[] = [
    {
      name: 'alg "none", no signature',
      token: jws({ ...header, alg: 'none' }, claims, 'none'),
      why: 'an unsigned token proves nothing (RFC 8725 §3.1): pin algorithms to ES256',
    },
    {
      name: 'alg "nOnE" (a case trick), no signature',
      token: jws({ ...header, alg: 'nOnE' }, claims, 'none'),
      why: 'comparing alg case-insensitively or with a deny-list lets it through (RFC 8725 §3.1): allow ES256 only',
    },
    {
      name: 'HS256 signed with the public key as the HMAC secret',
      token: jws(
        { ...header, alg: 'HS256' },
        { ...claims, role: 'admin' },
        { hmac: keys.publicKeyPem },
      ),
      why: 'algorithm confusion (RFC 8725 §2.1): the public key is public, so anyone can make this HMAC; never let the header choose the algorithm',
    },
    {
      name: 'kid "../../../../dev/null" with HS256 and an empty secret',
      token: jws(
        { ...header, alg: 'HS256', kid: '../../../../dev/null' },
        { ...claims, role: 'admin' },
        { hmac: Buffer.alloc(0) },
      ),
      why: 'kid is attacker-controlled input (RFC 8725 §3.10): it must only select among configured keys',
    },
    {
      name: 'kid "\' UNION SELECT \'x\' --" with HS256 secret "x"',
      token: jws(
        { ...header, alg: 'HS256', kid: "' UNION SELECT 'x' --" },
        { ...claims, role: 'admin' },
        { hmac: 'x' },
      ),
      why: 'kid is attacker-controlled input (RFC 8725 §3.10): match it against the configured kid, never look it up',
    },
    {
      name: "signed by another key (the attacker's own)",
      token: jws(header, { ...claims, role: 'admin' }, attacker),
      why: 'the signature must verify under the configured public key (RFC 7515 §5.2)',
    },
    {
      name: "jwk header embedding the attacker's key, signed with it",
      token: jws(
        { ...header, jwk: keys.attackerPublicJwk },
        { ...claims, role: 'admin' },
        attacker,
      ),
      why: 'a token cannot bring its own key (RFC 8725 §3.10; CVE-2018-0114): refuse the jwk header',
    },
    {
      name: "jku header pointing at the attacker's key set, signed by the attacker",
      token: jws(
        { ...header, jku: 'https://attacker.example/jwks.json' },
        { ...claims, role: 'admin' },
        attacker,
      ),
      why: 'never fetch keys from a URL the token names (RFC 8725 §3.10): the key comes from configuration',
    },
    {
      name: 'jku header, otherwise valid',
      token: jws({ ...header, jku: 'https://attacker.example/jwks.json' }, claims, ours),
      why: 'authlab refuses jku, x5u, jwk, x5c and crit outright, so no code path is ever tempted to follow them',
    },
    {
      name: 'x5u header, otherwise valid',
      token: jws({ ...header, x5u: 'https://attacker.example/cert.pem' }, claims, ours),
      why: 'authlab refuses jku, x5u, jwk, x5c and crit outright (RFC 8725 §3.10)',
    },
    {
      name: 'crit naming an extension this API does not understand',
      token: jws(
        { ...header, crit: ['https://attacker.example/ext'], 'https://attacker.example/ext': true },
        claims,
        ours,
      ),
      why: 'RFC 7515 §4.1.11: a recipient MUST reject a JWS whose crit lists extensions it does not understand',
    },
    {
      name: 'crit ["b64"] with b64: false (an unencoded payload)',
      token: jws({ ...header, crit: ['b64'], b64: false }, claims, ours),
      why: 'RFC 7797 §6: a verifier that does not implement b64 must reject it; it would read a different payload than the signer signed',
    },
    {
      name: 'typ "JWT" (an ID token or another kind of JWT)',
      token: jws({ ...header, typ: 'JWT' }, claims, ours),
      why: 'RFC 9068 §4 and RFC 8725 §3.11: an access token is typed at+jwt, so a JWT minted for another purpose is not accepted as one',
    },
    {
      name: 'no typ at all',
      token: jws({ alg: 'ES256', kid: keys.kid }, claims, ours),
      why: 'RFC 9068 §4: the resource server MUST check typ is at+jwt',
    },
    {
      name: 'kid of a key this API does not have',
      token: jws({ ...header, kid: 'retired-2019' }, claims, ours),
      why: 'RFC 7515 §4.1.4: kid names the key; an unknown kid means no key, so refuse',
    },
    {
      name: 'aud of another API',
      token: jws(header, { ...claims, aud: 'billing-api' }, ours),
      why: 'RFC 7519 §4.1.3: a token for another audience MUST be rejected — or a token for any of your services opens all of them',
    },
    {
      name: 'no aud',
      token: jws(header, without('aud'), ours),
      why: 'RFC 9068 §4: the resource server MUST validate aud, so a token without one cannot pass',
    },
    {
      name: 'iss of another issuer',
      token: jws(header, { ...claims, iss: 'https://evil.example' }, ours),
      why: 'RFC 9068 §4 and RFC 8725 §3.8: the issuer MUST match the one you trust',
    },
    {
      name: 'no iss',
      token: jws(header, without('iss'), ours),
      why: 'RFC 8725 §3.8: validate iss, which means requiring it',
    },
    {
      name: 'no exp (a token that never expires)',
      token: jws(header, without('exp'), ours),
      why: 'RFC 9068 §2.2: exp is REQUIRED; a stolen token without it works forever',
    },
    {
      name: 'expired ten minutes ago',
      token: jws(header, { ...claims, iat: now - 1500, exp: now - 600 }, ours),
      why: 'RFC 7519 §4.1.4: MUST NOT be accepted on or after exp (a clock tolerance of seconds, not minutes)',
    },
    {
      name: 'exp as a string "9999999999"',
      token: jws(header, { ...claims, exp: '9999999999' }, ours),
      why: 'RFC 7519 §2: exp is a NumericDate, a number',
    },
    {
      name: 'iat one hour in the future',
      token: jws(header, { ...claims, iat: now + 3600, exp: now + 4500 }, ours),
      why: 'a token issued in the future was minted by a wrong clock or a forger; refuse iat beyond a small tolerance',
    },
    {
      name: 'nbf one hour in the future',
      token: jws(header, { ...claims, nbf: now + 3600 }, ours),
      why: 'RFC 7519 §4.1.5: MUST NOT be accepted before nbf',
    },
    {
      name: 'no sub',
      token: jws(header, without('sub'), ours),
      why: 'RFC 9068 §2.2: sub is REQUIRED; without it the token names nobody',
    },
    {
      name: 'payload JSON that is a string, not an object',
      token: jws(JSON.stringify(header), JSON.stringify('ada'), ours, true),
      why: 'RFC 7519 §7.2: the claims set MUST be a JSON object',
    },
    {
      name: 'payload JSON that is an array',
      token: jws(JSON.stringify(header), JSON.stringify([claims]), ours, true),
      why: 'RFC 7519 §7.2: the claims set MUST be a JSON object',
    },
    {
      name: 'payload that is not JSON at all',
      token: jws(JSON.stringify(header), '{"sub":"ada",', ours, true),
      why: 'RFC 7519 §7.2: the claims set MUST be valid JSON',
    },
    {
      name: 'payload changed to role admin, original signature kept',
      token: `${validHeader}.${json({ ...claims, role: 'admin' })}.${validSignature}`,
      why: 'the signature covers header and payload (RFC 7515 §5.2): any change must fail it',
    },
    {
      name: 'signature stripped',
      token: `${validHeader}.${json(claims)}.`,
      why: 'an ES256 token without a signature is not signed',
    },
    {
      name: 'two segments only',
      token: `${validHeader}.${json(claims)}`,
      why: 'RFC 7515 §7.1: a compact JWS has exactly three segments',
    },
    {
      name: 'header that is not a JSON object',
      token: jws(JSON.stringify('ES256'), JSON.stringify(claims), ours, true),
      why: 'RFC 7515 §5.2: the header MUST be a JSON object',
    },
  ];
  return { accepted, forged };
}
