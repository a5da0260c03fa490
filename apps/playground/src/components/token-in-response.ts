import { ROLES, type Role } from '@authlab/shared';
import type { PlaygroundSession } from '../lib/session-store';
import { sessionFromAnswer } from '../lib/sign-in';

/** A token found in an API answer, which the learner may take as the playground's current token. */
export type FoundToken =
  /** A session: sign-up, sign-in and refresh answer with the user and their access token. */
  | { kind: 'session'; session: PlaygroundSession }
  /** A bare token: a lab issuer's `token`, a machine client's `access_token`. */
  | { kind: 'token'; token: string; field: string };

const JWT_SHAPE = /^[\w-]*\.[\w-]*\.[\w-]*$/;

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function tokenInResponse(body: unknown): FoundToken | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const user = fields.user as Record<string, unknown> | undefined;
  if (
    typeof fields.accessToken === 'string' &&
    typeof user?.username === 'string' &&
    isRole(user.role)
  ) {
    return {
      kind: 'session',
      session: sessionFromAnswer(
        {
          user: { username: user.username, role: user.role },
          accessToken: fields.accessToken,
          expiresIn: typeof fields.expiresIn === 'number' ? fields.expiresIn : 0,
        },
        'body',
      ),
    };
  }
  for (const field of ['accessToken', 'access_token', 'token']) {
    const value = fields[field];
    if (typeof value === 'string' && JWT_SHAPE.test(value))
      return { kind: 'token', token: value, field };
  }
  return undefined;
}
