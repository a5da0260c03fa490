import { ROLES, type Permission, type Role } from '@authlab/shared';
import { describe, expect, it } from 'vitest';
import type {
  AuthenticatedClient,
  AuthenticatedUser,
} from '../authentication/authenticated-user.js';
import { asArticle, defineAbilityFor } from './article-ability.js';

const AUTHOR_ID = 7;

function user(role: Role, id = AUTHOR_ID): AuthenticatedUser {
  return {
    kind: 'user',
    id,
    username: role,
    role,
    permissions: [],
    tokenId: 'jti',
    issuedAt: 0,
    expiresAt: 0,
    sessionId: 'sid',
    tokenVersion: 0,
  };
}

const published = () => asArticle({ authorId: 99, status: 'published' as const });
const ownDraft = () => asArticle({ authorId: AUTHOR_ID, status: 'draft' as const });
const othersDraft = () => asArticle({ authorId: 99, status: 'draft' as const });

describe('abilities built from the shared article policy', () => {
  it.each(ROLES)('%s reads published articles and its own drafts', (role) => {
    const ability = defineAbilityFor(user(role));
    expect(ability.can('read', published())).toBe(true);
    expect(ability.can('read', ownDraft())).toBe(true);
  });

  it.each([
    ['user', false],
    ['writer', false],
    ['editor', true],
    ['admin', false],
  ] as const)('%s reads someone else’s draft: %s', (role, expected) => {
    expect(defineAbilityFor(user(role)).can('read', othersDraft())).toBe(expected);
  });

  it.each([
    ['user', 'update', false, false],
    ['writer', 'update', true, false],
    ['editor', 'update', true, true],
    ['admin', 'update', true, true],
    ['user', 'delete', false, false],
    ['writer', 'delete', true, false],
    ['editor', 'delete', false, false],
    ['admin', 'delete', true, true],
  ] as const)('%s may %s its own articles: %s, someone else’s: %s', (role, action, own, others) => {
    const ability = defineAbilityFor(user(role));
    expect(ability.can(action as Permission, 'Article')).toBe(own);
    expect(ability.can(action as Permission, ownDraft())).toBe(own);
    expect(ability.can(action as Permission, published())).toBe(others);
  });

  it('matches "own" on the author id, not on the role', () => {
    const writer = defineAbilityFor(user('writer', 8));
    expect(writer.can('read', ownDraft())).toBe(false);
    expect(writer.can('read', asArticle({ authorId: 8, status: 'draft' as const }))).toBe(true);
  });

  it('lets a machine client act on published articles only, within its scope', () => {
    const client: AuthenticatedClient = {
      kind: 'client',
      clientId: 'cl_1',
      permissions: ['read', 'update'],
      tokenId: 'jti',
      issuedAt: 0,
      expiresAt: 0,
      tokenVersion: 0,
    };
    const ability = defineAbilityFor(client);
    expect(ability.can('read', published())).toBe(true);
    expect(ability.can('update', published())).toBe(true);
    expect(ability.can('read', othersDraft())).toBe(false);
    expect(ability.can('delete', published())).toBe(false);
  });
});
