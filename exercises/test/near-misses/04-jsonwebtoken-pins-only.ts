import jwt from 'jsonwebtoken';

// Near miss: jsonwebtoken with algorithm, issuer and audience pinned, and nothing else checked.
export function verifyAccessToken(token: string, key: { kid: string; publicKeyPem: string }) {
  return jwt.verify(token, key.publicKeyPem, {
    algorithms: ['ES256'],
    issuer: 'authlab',
    audience: 'authlab-api',
  });
}
