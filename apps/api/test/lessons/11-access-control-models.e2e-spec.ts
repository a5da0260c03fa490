import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

interface Listed {
  id: number;
  authorUsername: string;
  status: string;
  label: string;
}

async function articlesAs(learner: Learner, username: string): Promise<Listed[]> {
  await learner.signIn(username);
  return (await learner.send('GET', '/api/articles')).body as Listed[];
}

/** The written solution's own account: signed up, signed in; its token and id. */
async function ownAccount(learner: Learner): Promise<{ id: number; token: string }> {
  const credentials = {
    username: `me-${randomBytes(4).toString('hex')}`,
    password: 'a long enough password',
  };
  await learner.send('POST', '/api/auth/signup', { as: 'none', body: credentials });
  const signedIn = await learner.send('POST', '/api/auth/signin', {
    as: 'none',
    body: credentials,
  });
  const body = signedIn.body as { user: { id: number }; accessToken: string };
  return { id: body.user.id, token: body.accessToken };
}

describeLessonSteps('11-access-control-models.md', {
  'owner-check': {
    solution: async (learner) => {
      const others = (await articlesAs(learner, 'writer')).find(
        (article) => article.authorUsername !== 'writer' && article.status === 'published',
      )!;
      const response = await learner.send('PATCH', `/api/articles/${others.id}`, {
        body: { title: 'Mine now' },
      });
      expect(response.status).toBe(403);
    },
    lazy: {
      'a writer changes its own article (200)': async (learner) => {
        const own = (await articlesAs(learner, 'writer')).find(
          (article) => article.authorUsername === 'writer',
        )!;
        await learner.send('PATCH', `/api/articles/${own.id}`, { body: { title: 'Still mine' } });
      },
      'a user is refused by its role (RBAC, not the owner check)': async (learner) => {
        const any = (await articlesAs(learner, 'user'))[0]!;
        await learner.send('PATCH', `/api/articles/${any.id}`, { body: { title: 'x' } });
      },
      'no token (401)': async (learner) => {
        await learner.send('PATCH', '/api/articles/1', { as: 'none', body: { title: 'x' } });
      },
      'a writer asks for someone else’s draft (404, hidden)': async (learner) => {
        await learner.signIn('writer');
        const drafts = (await articlesAs(learner, 'editor')).filter(
          (article) => article.status === 'draft' && article.authorUsername === 'editor',
        );
        await learner.signIn('writer');
        await learner.send('PATCH', `/api/articles/${drafts[0]!.id}`, { body: { title: 'x' } });
      },
    },
  },
  'dac-read-shared': {
    solution: async (learner) => {
      const shared = (await articlesAs(learner, 'user')).find(
        (article) => article.status === 'draft',
      )!;
      expect((await learner.send('GET', `/api/articles/${shared.id}`)).status).toBe(200);
    },
    lazy: {
      'an editor reads the same draft (its role reviews every draft)': async (learner) => {
        const draft = (await articlesAs(learner, 'editor')).find(
          (article) => article.status === 'draft' && article.authorUsername === 'writer',
        )!;
        await learner.send('GET', `/api/articles/${draft.id}`);
      },
      'the writer reads its own draft (ownership)': async (learner) => {
        const draft = (await articlesAs(learner, 'writer')).find(
          (article) => article.status === 'draft',
        )!;
        await learner.send('GET', `/api/articles/${draft.id}`);
      },
      'a user reads a published article': async (learner) => {
        const published = (await articlesAs(learner, 'user'))[0]!;
        await learner.send('GET', `/api/articles/${published.id}`);
      },
    },
  },
  'mac-hidden': {
    solution: async (learner) => {
      const confidential = (await articlesAs(learner, 'editor')).find(
        (article) => article.label === 'confidential',
      )!;
      await learner.signIn('user');
      expect((await learner.send('GET', `/api/articles/${confidential.id}`)).status).toBe(404);
    },
    lazy: {
      'a user asks for an article that does not exist': async (learner) => {
        await learner.signIn('user');
        await learner.send('GET', '/api/articles/999999');
      },
      'a user asks for an internal draft (a lower label)': async (learner) => {
        const internal = (await articlesAs(learner, 'editor')).find(
          (article) => article.label === 'internal',
        )!;
        await learner.signIn('user');
        await learner.send('GET', `/api/articles/${internal.id}`);
      },
      'the editor reads it (cleared for confidential)': async (learner) => {
        const confidential = (await articlesAs(learner, 'editor')).find(
          (article) => article.label === 'confidential',
        )!;
        await learner.send('GET', `/api/articles/${confidential.id}`);
      },
    },
  },
  'stale-role': {
    solution: async (learner) => {
      const account = await ownAccount(learner);
      await learner.signIn('admin');
      expect(
        (
          await learner.send('PATCH', `/api/users/${account.id}/role`, {
            body: { role: 'writer' },
          })
        ).status,
      ).toBe(200);
      const stale = await learner.send('GET', '/api/auth/me', {
        as: { authorization: `Bearer ${account.token}` },
      });
      expect(stale.status).toBe(401);
    },
    lazy: {
      'the role changes but the old token is never sent': async (learner) => {
        const account = await ownAccount(learner);
        await learner.signIn('admin');
        await learner.send('PATCH', `/api/users/${account.id}/role`, { body: { role: 'writer' } });
      },
      'the old token was signed out instead (no role change)': async (learner) => {
        const account = await ownAccount(learner);
        await learner.send('POST', '/api/auth/signout', {
          as: { authorization: `Bearer ${account.token}` },
        });
        await learner.send('GET', '/api/auth/me', {
          as: { authorization: `Bearer ${account.token}` },
        });
      },
      'signed out everywhere, then the old token (a version raise, but no role change)': async (
        learner,
      ) => {
        const account = await ownAccount(learner);
        await learner.send('POST', '/api/auth/signout-all', {
          as: { authorization: `Bearer ${account.token}` },
        });
        await learner.send('GET', '/api/auth/me', {
          as: { authorization: `Bearer ${account.token}` },
        });
      },
      'a non-admin tries to change the role (403), then the old token': async (learner) => {
        const account = await ownAccount(learner);
        await learner.signIn('editor');
        await learner.send('PATCH', `/api/users/${account.id}/role`, { body: { role: 'writer' } });
        await learner.send('GET', '/api/auth/me', {
          as: { authorization: `Bearer ${account.token}` },
        });
      },
    },
  },
});
