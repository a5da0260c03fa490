/** One line about each field a learner meets in a JWT, with the RFC section that defines it. */
export interface FieldExplanation {
  text: string;
  reference: string;
}

export const HEADER_FIELDS: Readonly<Record<string, FieldExplanation>> = {
  alg: {
    text: 'Signing algorithm. A server pins the one it expects and never takes it from the token.',
    reference: 'RFC 7515 §4.1.1',
  },
  typ: {
    text: 'Type of the token; "at+jwt" marks an OAuth access token, so other JWTs cannot pass as one.',
    reference: 'RFC 9068 §2.1',
  },
  kid: {
    text: 'Key id: which of the server’s own keys signed it. It may only choose among keys the server holds.',
    reference: 'RFC 7515 §4.1.4',
  },
  cty: {
    text: 'Content type of the payload; only used for nested tokens.',
    reference: 'RFC 7515 §4.1.10',
  },
  jku: {
    text: 'A URL of a key set. It lets the token choose where its key comes from: never follow it.',
    reference: 'RFC 7515 §4.1.2',
  },
  jwk: {
    text: 'A key embedded in the token. A token that brings its own key proves nothing.',
    reference: 'RFC 7515 §4.1.3',
  },
  x5u: {
    text: 'A URL of an X.509 certificate: the token choosing its key again.',
    reference: 'RFC 7515 §4.1.5',
  },
  x5c: { text: 'An X.509 certificate chain embedded in the token.', reference: 'RFC 7515 §4.1.6' },
  x5t: { text: 'Thumbprint of the certificate whose key signed it.', reference: 'RFC 7515 §4.1.7' },
  crit: {
    text: 'Extensions the receiver must understand, or refuse the token.',
    reference: 'RFC 7515 §4.1.11',
  },
};

export const PAYLOAD_FIELDS: Readonly<Record<string, FieldExplanation>> = {
  iss: {
    text: 'Issuer: who made the token. The API checks it is its own authorization server.',
    reference: 'RFC 7519 §4.1.1',
  },
  sub: {
    text: 'Subject: whom the token is about (here the user id, as a string).',
    reference: 'RFC 7519 §4.1.2',
  },
  aud: {
    text: 'Audience: the API the token is meant for. Any other API must refuse it.',
    reference: 'RFC 7519 §4.1.3',
  },
  exp: {
    text: 'Expiry time, seconds since 1970. After it the token is refused.',
    reference: 'RFC 7519 §4.1.4',
  },
  nbf: { text: 'Not before: the token is refused until this time.', reference: 'RFC 7519 §4.1.5' },
  iat: { text: 'Issued at: when the token was made.', reference: 'RFC 7519 §4.1.6' },
  jti: {
    text: 'Token id, unique per token: lets one token be revoked or a replay be spotted.',
    reference: 'RFC 7519 §4.1.7',
  },
  scope: { text: 'Space-separated permissions granted to the client.', reference: 'RFC 8693 §4.2' },
  client_id: {
    text: 'The client application the token was issued to.',
    reference: 'RFC 9068 §2.2',
  },
  sid: {
    text: 'Session id: the sign-in (refresh-token family) this token belongs to; signing out ends it.',
    reference: 'OIDC Front-Channel Logout §3',
  },
  ver: {
    text: 'authlab’s own claim: the account’s token version. A role or password change raises it and retires older tokens.',
    reference: 'authlab',
  },
  username: {
    text: 'authlab’s own claim: the account name, for display only.',
    reference: 'authlab',
  },
  role: {
    text: 'authlab’s own claim: the role RolesGuard reads to decide what the caller may do.',
    reference: 'authlab',
  },
};

/** Claims whose values are times in seconds since the epoch. */
export const TIME_CLAIMS = ['exp', 'nbf', 'iat'] as const;
