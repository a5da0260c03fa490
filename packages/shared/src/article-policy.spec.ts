import { describe, expect, it } from 'vitest';
import { articleGrantsOf, articlePolicy, clientArticleGrants } from './article-policy.js';
import { permissionsOf, ROLES } from './roles.js';

describe('the article policy', () => {
  it('narrows the role matrix and never adds to it', () => {
    for (const role of ROLES) {
      const granted = new Set(articleGrantsOf(role).map((grant) => grant.permission));
      expect([...granted].sort()).toEqual([...permissionsOf(role)].sort());
    }
  });

  it('shows drafts to their author and to editors only', () => {
    for (const role of ROLES) {
      const reads = articleGrantsOf(role)
        .filter((grant) => grant.permission === 'read')
        .map((grant) => grant.on);
      expect(reads).toEqual(role === 'editor' ? ['any'] : ['published', 'own']);
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
      'create articles under their own name',
      'update their own articles (drafts too)',
      'delete their own articles (drafts too)',
    ]);
  });
});
