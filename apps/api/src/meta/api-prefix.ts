/** Every route lives under /api except the well-known ones, whose paths are fixed by RFCs. */
export const API_PREFIX = Symbol('API_PREFIX');
export const GLOBAL_PREFIX = 'api';
export const UNPREFIXED_PATHS = [
  '/.well-known/jwks.json',
  '/.well-known/oauth-authorization-server',
];
