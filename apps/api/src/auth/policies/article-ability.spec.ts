import {
  predictArticleAccess,
  ROLES,
  SENSITIVITY_LABELS,
  type Permission,
  type Role,
} from '@authlab/shared';
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

type Facts = Parameters<typeof asArticle>[0];
const article = (facts: Partial<Facts>) =>
  asArticle<Facts>({
    authorId: 99,
    status: 'published',
    label: 'public',
    sharedWith: [],
    ...facts,
  });
const published = () => article({});
const ownDraft = () => article({ authorId: AUTHOR_ID, status: 'draft' });
const othersDraft = () => article({ status: 'draft' });

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
    expect(writer.can('read', article({ authorId: 8, status: 'draft' }))).toBe(true);
  });

  it.each(ROLES)('DAC: %s reads a draft its author shared with it, and only that', (role) => {
    const ability = defineAbilityFor(user(role));
    expect(ability.can('read', article({ status: 'draft', sharedWith: [3, AUTHOR_ID] }))).toBe(
      true,
    );
    expect(ability.can('read', othersDraft())).toBe(role === 'editor');
    // A share lets one read, nothing more.
    const shared = article({ status: 'draft', sharedWith: [AUTHOR_ID] });
    expect(ability.can('update', shared)).toBe(role === 'editor' || role === 'admin');
    expect(ability.can('delete', shared)).toBe(role === 'admin');
  });

  it.each([
    ['user', false],
    ['writer', true],
    ['editor', true],
    ['admin', true],
  ] as const)('DAC: %s may share its own articles: %s, someone else’s: never', (role, own) => {
    const ability = defineAbilityFor(user(role));
    expect(ability.can('share', ownDraft())).toBe(own);
    expect(ability.can('share', othersDraft())).toBe(false);
    expect(ability.can('share', published())).toBe(false);
  });

  it.each(ROLES)(
    'MAC: %s reads and changes nothing labelled above its clearance, own or not',
    (role) => {
      const internal = defineAbilityFor(user(role), 'internal');
      const confidential = article({ authorId: AUTHOR_ID, label: 'confidential' });
      for (const action of ['read', 'update', 'delete', 'share'] as const) {
        expect(internal.can(action, confidential)).toBe(false);
      }
      expect(internal.relevantRuleFor('read', confidential)?.reason).toBe(
        'MAC: label confidential above clearance internal',
      );
      expect(internal.can('read', article({ label: 'internal' }))).toBe(true);
      expect(defineAbilityFor(user(role)).can('read', article({ label: 'internal' }))).toBe(false);
      expect(defineAbilityFor(user(role), 'confidential').can('read', confidential)).toBe(true);
    },
  );

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
    // A client has no clearance of its own: public articles only.
    expect(ability.can('read', article({ label: 'internal' }))).toBe(false);
  });

  it('answers as the playground’s prediction (predictArticleAccess) for every role, clearance, article and action', () => {
    const names: Record<number, string> = { [AUTHOR_ID]: 'me', 99: 'someone', 3: 'third' };
    let compared = 0;
    for (const role of ROLES)
      for (const clearance of SENSITIVITY_LABELS)
        for (const authorId of [AUTHOR_ID, 99])
          for (const status of ['published', 'draft'] as const)
            for (const label of SENSITIVITY_LABELS)
              for (const sharedWith of [[], [AUTHOR_ID]])
                for (const action of ['read', 'update', 'delete', 'share'] as const) {
                  const ability = defineAbilityFor(user(role), clearance);
                  const facts = article({ authorId, status, label, sharedWith });
                  const casl =
                    ability.can('read', facts) &&
                    ability.can(action, facts) &&
                    ability.rulesFor(action, 'Article').some((rule) => !rule.inverted);
                  const predicted = predictArticleAccess(
                    { username: 'me', role, clearance },
                    action,
                    {
                      authorUsername: names[authorId]!,
                      status,
                      label,
                      sharedWith: sharedWith.map((id) => names[id]!),
                    },
                  );
                  // RBAC is RolesGuard's, before CASL: a role without the permission is refused either way.
                  expect(
                    predicted.allowed,
                    `${role}/${clearance}/${authorId}/${status}/${label}/${sharedWith.length}/${action}`,
                  ).toBe(casl && predicted.model !== 'RBAC');
                  compared++;
                }
    expect(compared).toBe(4 * 3 * 2 * 2 * 3 * 2 * 4);
  });
});
