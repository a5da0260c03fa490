import type { SigningAlgorithm } from '@authlab/shared';

/** The validated configuration every part of the API reads; built once at start-up. */
export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Where generated keys and the SQLite file live. */
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  jwt: {
    algorithm: SigningAlgorithm;
    /** Base64 of ≥ 32 random bytes (HS256). Absent in development: one is generated. */
    secret?: string;
    /** PKCS#8 PEM private key (ES256). Absent in development: one is generated. */
    privateKeyPem?: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    /** Lifetime of a machine client's access token (client credentials). */
    clientTokenTtlSeconds: number;
  };
  /** Refresh-token sessions: absolute lifetime of a session, however often it is refreshed. */
  sessions: { refreshTokenTtlSeconds: number };
  /**
   * Cookie mode. `secure` adds the Secure attribute and the `__Host-`/`__Secure-` prefixes; it is
   * on in production and whenever PUBLIC_ORIGIN is https, off only for local HTTP development.
   */
  cookies: { secure: boolean };
  /** The origin browsers use to reach the API (behind a TLS proxy); trusted by the CSRF check. */
  publicOrigin?: string;
  /**
   * Host names answered besides loopback and PUBLIC_ORIGIN's (ALLOWED_HOSTS): `name` on any
   * port or `name:port`. Any other Host gets 421 (DNS rebinding).
   */
  allowedHosts: string[];
  /** Sign-in failures allowed per account and per client IP within one window, then 429. */
  signInThrottle: {
    maxFailuresPerAccount: number;
    maxFailuresPerIp: number;
    windowSeconds: number;
  };
  /** Sign-ups allowed per client IP within one window (successful or not), then 429. */
  signUpThrottle: { maxPerIp: number; windowSeconds: number };
  /**
   * argon2id work: hashes run at once (the rest wait in line), and how many may wait before
   * sign-ups and sign-ins get 503 with Retry-After instead of a place in an ever longer line.
   */
  passwordHashing: { maxConcurrent: number; maxQueued: number };
  /** Shared state for several instances (denylist, throttling, revocation events); absent → one instance. */
  redis?: { url: string; keyPrefix: string };
  /** Origins allowed to call the API from a browser (the playground's dev server). */
  corsOrigins: string[];
  /** Seed demo users and articles. Never in production. */
  demo: boolean;
  /** The attack-and-defend lab (/api/lab): deliberately weak verifiers. Never in production, loopback only. */
  lab: boolean;
  /** Request tracing: on by default (it is what authlab teaches with); bounded memory. */
  tracing: { enabled: boolean; capacity: number };
  /**
   * Live trace streams open at once per caller (a token's subject, or an anonymous playground
   * session) and per client IP; one more gets 429 with Retry-After.
   */
  traceStreams: { maxPerCaller: number; maxPerAddress: number };
  /** Nest's log levels; 'verbose' adds one line per request. */
  logLevels: Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'>;
  /** The built playground, served from the API's own origin; absent → not served. */
  playgroundDir?: string;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
