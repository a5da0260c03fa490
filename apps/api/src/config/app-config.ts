import type { SigningAlgorithm } from '@authlab/shared';

/** The validated configuration every part of the API reads; built once at start-up. */
export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Where generated keys and the SQLite file live. */
  dataDir: string;
  database:
    | { kind: 'sqlite'; file: string }
    | { kind: 'postgres'; url: string };
  jwt: {
    algorithm: SigningAlgorithm;
    /** Base64 of ≥ 32 random bytes (HS256). Absent in development: one is generated. */
    secret?: string;
    /** PKCS#8 PEM private key (ES256). Absent in development: one is generated. */
    privateKeyPem?: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
  };
  /** Origins allowed to call the API from a browser (the playground's dev server). */
  corsOrigins: string[];
  /** Seed demo users and articles. Never in production. */
  demo: boolean;
  /** The built playground, served from the API's own origin; absent → not served. */
  playgroundDir?: string;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
