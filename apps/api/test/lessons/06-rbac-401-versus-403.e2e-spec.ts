import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

/** An article of the learner's own, as the solution creates it: never a fixed id. */
async function createArticle(learner: Learner): Promise<number> {
  const response = await learner.send('POST', '/api/articles', {
    body: { title: 'Doomed', body: 'To be deleted' },
  });
  expect(response.status).toBe(201);
  return (response.body as { id: number }).id;
}

/** Signs in as `username`, creates an article and deletes the id it got back. */
async function deleteAs(learner: Learner, username: string): Promise<number> {
  await learner.signIn(username);
  return (await learner.send('DELETE', `/api/articles/${await createArticle(learner)}`)).status;
}

describeLessonSteps('06-rbac-401-versus-403.md', {
  'editor-deletes': {
    solution: async (learner) => {
      expect(await deleteAs(learner, 'editor')).toBe(403);
    },
    lazy: {
      'a user deletes (another role)': async (learner) => {
        await learner.signIn('user');
        const [first] = (await learner.send('GET', '/api/articles')).body as Array<{ id: number }>;
        await learner.send('DELETE', `/api/articles/${first!.id}`);
      },
      'a writer deletes someone else’s article (403 from the owner check, not the role)': async (
        learner,
      ) => {
        await learner.signIn('writer');
        const list = (await learner.send('GET', '/api/articles')).body as Array<{
          id: number;
          authorUsername: string;
        }>;
        const others = list.find((article) => article.authorUsername !== 'writer')!;
        expect((await learner.send('DELETE', `/api/articles/${others.id}`)).status).toBe(403);
      },
      'no token (401, not 403)': async (learner) => {
        await learner.send('DELETE', '/api/articles/1', { as: 'none' });
      },
      'a writer reads': async (learner) => {
        await learner.signIn('writer');
        await learner.send('GET', '/api/articles');
      },
    },
  },
  'admin-deletes': {
    solution: async (learner) => {
      expect(await deleteAs(learner, 'admin')).toBe(204);
    },
    lazy: {
      'an editor deletes': async (learner) => {
        await deleteAs(learner, 'editor');
      },
      'a writer deletes its own article (204, but not as admin)': async (learner) => {
        await learner.signIn('writer');
        const created = await learner.send('POST', '/api/articles', {
          body: { title: 'Mine', body: 'To delete' },
        });
        const id = (created.body as { id: number }).id;
        expect((await learner.send('DELETE', `/api/articles/${id}`)).status).toBe(204);
      },
      'an admin deletes an article that does not exist': async (learner) => {
        await learner.signIn('admin');
        await learner.send('DELETE', '/api/articles/999999');
      },
    },
  },
  'read-the-matrix': {
    solution: async (learner) => {
      await learner.signIn('editor');
      expect((await learner.send('GET', '/api/users')).status).toBe(403);
    },
    lazy: {
      'a permission the editor lacks (not an admin-only route)': async (learner) => {
        await deleteAs(learner, 'editor');
      },
      'a writer on the admin-only route': async (learner) => {
        await learner.signIn('writer');
        await learner.send('GET', '/api/users');
      },
      'the admin on the admin-only route': async (learner) => {
        await learner.signIn('admin');
        await learner.send('GET', '/api/users');
      },
    },
  },
  'predict-a-user-deletes': {
    send: async (learner) => {
      await learner.signIn('user');
      await learner.send('DELETE', '/api/articles/999999');
    },
  },
});
