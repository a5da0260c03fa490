import {
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_AUDIENCE,
  DEFAULT_CLIENT_TOKEN_TTL_SECONDS,
  DEFAULT_ISSUER,
  DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
  SIGNING_ALGORITHMS,
} from '@authlab/shared';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseHostPattern } from '../common/http/allowed-hosts.js';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** A whole number written in decimal digits: "", " ", "0x50" and "1e3" are refused, not coerced. */
function integer(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .optional()
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(z.number().min(min).max(max));
}

/** The environment variables the API reads, and what each may hold. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65_535, 3000),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SQLITE_FILE: z.string().min(1).optional(),
  JWT_ALGORITHM: z.enum(SIGNING_ALGORITHMS).default('HS256'),
  JWT_SECRET: z.string().min(1).optional(),
  JWT_PRIVATE_KEY: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
  JWT_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
  ACCESS_TOKEN_TTL_SECONDS: integer(30, 24 * 60 * 60, DEFAULT_ACCESS_TOKEN_TTL_SECONDS),
  REFRESH_TOKEN_TTL_SECONDS: integer(60, 90 * 24 * 60 * 60, DEFAULT_REFRESH_TOKEN_TTL_SECONDS),
  CLIENT_TOKEN_TTL_SECONDS: integer(5, 60 * 60, DEFAULT_CLIENT_TOKEN_TTL_SECONDS),
  PUBLIC_ORIGIN: z
    .string()
    .refine(
      (value) => URL.canParse(value) && new URL(value).origin === value,
      'must be an origin such as https://authlab.example',
    )
    .optional(),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: integer(1, 10_000, 10),
  SIGNIN_MAX_FAILURES_PER_IP: integer(1, 100_000, 100),
  SIGNIN_THROTTLE_WINDOW_SECONDS: integer(1, 24 * 60 * 60, 15 * 60),
  SIGNUP_MAX_PER_IP: integer(1, 100_000, 10),
  SIGNUP_THROTTLE_WINDOW_SECONDS: integer(1, 24 * 60 * 60, 60 * 60),
  /** By default one core is left to the event loop (bench/: a sign-in surge starved it on one core). */
  PASSWORD_HASH_CONCURRENCY: integer(1, 64, Math.max(1, availableParallelism() - 1)),
  PASSWORD_HASH_QUEUE_LIMIT: integer(0, 100_000, 32),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'must be 1–64 letters, digits or _ : . -')
    .default('authlab:'),
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every((entry) => parseHostPattern(entry) !== undefined),
      'must be host names, each with an optional :port, separated by commas (authlab.lan,10.0.0.5:3000)',
    ),
  CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
  DEMO: flag,
  LAB: flag,
  PLAYGROUND_DIR: z.string().min(1).optional(),
  TRACING: z.enum(['on', 'off']).default('on'),
  TRACE_CAPACITY: integer(1, 100_000, 1000),
  TRACE_STREAMS_PER_CALLER: integer(1, 1000, 5),
  TRACE_STREAMS_PER_ADDRESS: integer(1, 10_000, 30),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

export type Environment = z.infer<typeof environmentSchema>;
