import { describe, expect, it } from 'vitest';
import {
  articleGrantsOf,
  articlePolicy,
  clientArticleGrants,
  permissionForAction,
} from './article-policy.js';
import { permissionsOf, ROLES } from './roles.js';

describe('the article policy', () => {
  it('narrows the role matrix and never adds to it', () => {
    for (const role of ROLES) {
      const granted = new Set(
        articleGrantsOf(role).map((grant) => permissionForAction(grant.permission)),
      );
      expect([...granted].sort()).toEqual([...permissionsOf(role)].sort());
    }
  });

  it('shows drafts to their author, to those they shared them with and to editors only', () => {
    for (const role of ROLES) {
      const reads = articleGrantsOf(role)
        .filter((grant) => grant.permission === 'read')
        .map((grant) => grant.on);
      expect(reads).toEqual(role === 'editor' ? ['any'] : ['published', 'own', 'shared']);
    }
  });

  it('lets only authors share, and only roles that may change articles', () => {
    for (const role of ROLES) {
      const shares = articleGrantsOf(role).filter((grant) => grant.permission === 'share');
      expect(shares).toEqual(role === 'user' ? [] : [{ permission: 'share', on: 'own' }]);
    }
  });

  it('gives an unknown role nothing, and a machine client published articles only', () => {
    for (const claim of ['constructor', '__proto__', 'Admin', '', null]) {
      expect(articleGrantsOf(claim)).toEqual([]);
    }
    expect(clientArticleGrants(['read', 'update'])).toEqual([
      { permission: 'read', on: 'published' },
      { permission: 'update', on: 'published' },
    ]);
  });

  it('states every grant in words for the route catalogue', () => {
    expect(articlePolicy().find((entry) => entry.role === 'writer')?.text).toEqual([
      'read published articles',
      'read their own articles (drafts too)',
      'read articles shared with them',
      'create articles under their own name',
      'update their own articles (drafts too)',
      'delete their own articles (drafts too)',
      'share their own articles with a named user',
    ]);
  });
});
