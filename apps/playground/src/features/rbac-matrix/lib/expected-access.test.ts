import { describe, expect, it } from 'vitest';
import { ROLES, type RouteMetadata } from '@authlab/shared';
import { FAKE_ROUTES } from '../../../test/fake-api';
import {
  cellCondition,
  expectedAccess,
  needsConfirmation,
  refusedForDemoAccounts,
  ruleText,
  sampleRequest,
} from './expected-access';

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

  it('predicts the owner check for a role whose grant covers only its own articles', () => {
    const withPolicy = {
      ...deleteArticle,
      policy: { action: 'delete' as const, subject: 'Article' },
    };
    expect(expectedAccess(withPolicy, 'writer')).toMatchObject({
      allowed: false,
      status: 403,
      why: "writer may delete its own articles only: the owner check refuses someone else's",
    });
    expect(expectedAccess(withPolicy, 'admin')).toMatchObject({ allowed: true });
    expect(expectedAccess(withPolicy, 'editor')).toMatchObject({ why: 'editor lacks delete' });
  });

  it('answers an article route for the picked article: own, someone else’s, shared, labelled', () => {
    const patch = {
      ...deleteArticle,
      method: 'PATCH',
      permissions: ['update' as const],
      policy: { action: 'update' as const, subject: 'Article' },
    };
    const get = {
      ...listArticles,
      path: '/api/articles/:id',
      policy: { action: 'read' as const, subject: 'Article' },
    };
    const writers = {
      id: 4,
      authorUsername: 'writer',
      status: 'draft' as const,
      label: 'public' as const,
      sharedWith: ['user'],
    };
    expect(expectedAccess(patch, 'writer', writers)).toMatchObject({ allowed: true });
    expect(cellCondition(patch, 'writer')).toBe('own only');
    expect(
      expectedAccess(patch, 'writer', {
        ...writers,
        authorUsername: 'editor',
        status: 'published',
      }),
    ).toMatchObject({ allowed: false, status: 403, why: 'owner check: not your article' });
    expect(expectedAccess(get, 'user', writers)).toMatchObject({ allowed: true });
    expect(expectedAccess(get, 'admin', writers)).toMatchObject({
      allowed: false,
      status: 404,
      why: 'DAC: not shared with you',
    });
    expect(expectedAccess(get, 'writer', { ...writers, label: 'confidential' })).toMatchObject({
      allowed: false,
      status: 404,
      why: 'MAC: label confidential above clearance internal',
    });
    expect(cellCondition(patch, 'editor')).toBeUndefined();
    expect(sampleRequest(patch, 'writer', true, writers).path).toBe('/api/articles/4');
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

describe('needsConfirmation', () => {
  const route = (method: string, path: string, rule: Partial<RouteMetadata>): RouteMetadata => ({
    ...health,
    method,
    path,
    public: false,
    roles: null,
    permissions: null,
    ...rule,
  });
  const signOutAll = route('POST', '/api/auth/signout-all', { roles: [...ROLES] });
  const demoReset = route('POST', '/api/demo/reset', { roles: ['admin'] });
  const roleChange = route('PATCH', '/api/users/:id/role', { roles: ['admin'] });
  const signUp = route('POST', '/api/auth/signup', { public: true });
  const clock = route('POST', '/api/clock/advance', { roles: ['admin'] });

  it('holds back the cells the rule lets through when the request ends sessions or changes shared state', () => {
    expect(needsConfirmation(signOutAll, 'user')).toMatch(/every session/);
    expect(needsConfirmation(demoReset, 'admin')).toMatch(/demo data/);
    expect(needsConfirmation(roleChange, 'admin')).toMatch(/role/);
    expect(needsConfirmation(signUp, null)).toMatch(/creates an account/);
    expect(needsConfirmation(clock, 'admin')).toMatch(/clock/);
  });

  it('lets the refused cells go: a refusal changes nothing and shows the guard at work', () => {
    expect(needsConfirmation(signOutAll, null)).toBeUndefined();
    expect(needsConfirmation(demoReset, 'writer')).toBeUndefined();
    expect(needsConfirmation(roleChange, 'editor')).toBeUndefined();
  });

  it('never holds back a request that only reads or acts on scratch data', () => {
    expect(needsConfirmation(listUsers, 'admin')).toBeUndefined();
    expect(needsConfirmation(deleteArticle, 'admin')).toBeUndefined();
    expect(needsConfirmation(route('POST', '/api/auth/signin', { public: true }), null)).toBe(
      undefined,
    );
  });

  it('names the account-wide actions the API refuses for the demo accounts', () => {
    expect(refusedForDemoAccounts(signOutAll)).toBe(true);
    expect(refusedForDemoAccounts(demoReset)).toBe(false);
  });
});
