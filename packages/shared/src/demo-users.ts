import { z } from 'zod';
import type { Role } from './roles.js';
import type { SensitivityLabel } from './sensitivity-labels.js';

/**
 * The accounts seeded in demo mode. Their passwords are public on purpose, so lessons and the
 * playground can sign in as each role; the API refuses to seed them in production.
 */
export const DEMO_USERS: ReadonlyArray<{ username: string; password: string; role: Role }> = [
  { username: 'admin', password: 'admin-demo-password', role: 'admin' },
  { username: 'editor', password: 'editor-demo-password', role: 'editor' },
  { username: 'writer', password: 'writer-demo-password', role: 'writer' },
  { username: 'user', password: 'user-demo-password', role: 'user' },
];

/** The demo accounts' clearances (MAC), restored by the demo reset: one of each level and more. */
export const DEMO_CLEARANCES: Readonly<Record<string, SensitivityLabel>> = Object.freeze({
  admin: 'confidential',
  editor: 'confidential',
  writer: 'internal',
  user: 'public',
});

/** What POST /api/demo/reset did. */
export const demoResetResponseSchema = z.object({
  users: z.number().int(),
  articles: z.number().int(),
  articlesRemoved: z.number().int(),
  tracesCleared: z.number().int(),
});
export type DemoResetResponse = z.infer<typeof demoResetResponseSchema>;

/**
 * The error `code` of the API's refusal, in demo mode, to sign a shared demo account out
 * everywhere or change its password: either would sign out every learner using that account.
 */
export const SHARED_DEMO_ACCOUNT = 'shared_demo_account';

export function isDemoUsername(username: string): boolean {
  return DEMO_USERS.some((user) => user.username === username);
}
