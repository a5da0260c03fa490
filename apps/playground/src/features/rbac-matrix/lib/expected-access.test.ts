import { describe, expect, it } from 'vitest';
import { FAKE_ROUTES } from '../../../test/fake-api';
import { expectedAccess, ruleText, sampleRequest } from './expected-access';

const [health, listArticles, deleteArticle, listUsers] = FAKE_ROUTES as [
  (typeof FAKE_ROUTES)[number],
  (typeof FAKE_ROUTES)[number],
  (typeof FAKE_ROUTES)[number],
  (typeof FAKE_ROUTES)[number],
];

describe('expectedAccess', () => {
  it('opens a public route to everyone, even without a token', () => {
    expect(expectedAccess(health, null)).toMatchObject({ allowed: true });
  });

  it('answers 401 without a token and 403 for a role that lacks the permission', () => {
    expect(expectedAccess(listArticles, null)).toMatchObject({ allowed: false, status: 401 });
    expect(expectedAccess(deleteArticle, 'editor')).toMatchObject({
      allowed: false,
      status: 403,
      why: 'editor lacks delete',
    });
    expect(expectedAccess(deleteArticle, 'admin')).toMatchObject({ allowed: true });
    expect(expectedAccess(listUsers, 'writer')).toMatchObject({
      allowed: false,
      status: 403,
      why: 'needs role admin',
    });
  });

  it('closes a route that declares no rule, and serves everyone on an optional-auth route', () => {
    const closed = { ...listArticles, permissions: null };
    expect(expectedAccess(closed, 'admin')).toMatchObject({ allowed: false, status: 403 });
    expect(ruleText(closed)).toBe('no rule (closed)');
    expect(expectedAccess({ ...closed, optionalAuth: true }, null)).toMatchObject({
      allowed: true,
    });
  });
});

describe('sampleRequest', () => {
  it('fills path parameters and asks for a scratch article before an allowed delete', () => {
    expect(sampleRequest(deleteArticle, 'admin', true)).toEqual({
      method: 'DELETE',
      path: '/api/articles/1',
      needsScratchArticle: true,
    });
    expect(sampleRequest(deleteArticle, 'user', false)).toEqual({
      method: 'DELETE',
      path: '/api/articles/1',
    });
  });

  it('gives a role change the body it needs, on the demo user', () => {
    const changeRole = { ...listUsers, method: 'PATCH', path: '/api/users/:id/role' };
    expect(sampleRequest(changeRole, 'admin', true)).toEqual({
      method: 'PATCH',
      path: '/api/users/4/role',
      body: { role: 'user' },
    });
  });
});
