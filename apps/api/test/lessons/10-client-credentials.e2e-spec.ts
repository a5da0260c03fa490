import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

interface Client {
  clientId: string;
  clientSecret: string;
}

async function register(learner: Learner, scope: string[], as = 'admin'): Promise<Client> {
  await learner.signIn(as);
  const response = await learner.send('POST', '/api/clients', {
    body: { name: 'article-sync', scope },
  });
  return response.body as Client;
}

async function clientToken(learner: Learner, client: Client, secret = client.clientSecret) {
  return learner.send('POST', '/api/oauth/token', {
    as: { basic: [client.clientId, secret] },
    raw: {
      contentType: 'application/x-www-form-urlencoded',
      text: 'grant_type=client_credentials',
    },
  });
}

/** "Use this token" under the token endpoint's answer. */
async function useClientToken(learner: Learner, scope: string[]): Promise<void> {
  const client = await register(learner, scope);
  const response = await clientToken(learner, client);
  expect(response.status).toBe(200);
  learner.useToken((response.body as { access_token: string }).access_token);
}

const clients = new WeakMap<Learner, Client>();

describeLessonSteps('10-client-credentials.md', {
  'register-a-client': {
    solution: async (learner) => {
      expect((await register(learner, ['read'])).clientSecret).toBeTypeOf('string');
    },
    lazy: {
      'a client that may also write': async (learner) => {
        await register(learner, ['read', 'create']);
      },
      'a writer tries to register one (403)': async (learner) => {
        await register(learner, ['read'], 'writer');
      },
    },
  },
  'get-a-client-token': {
    before: async (learner) => {
      clients.set(learner, await register(learner, ['read']));
    },
    solution: async (learner) => {
      expect((await clientToken(learner, clients.get(learner)!)).status).toBe(200);
    },
    lazy: {
      'a wrong client secret': async (learner) => {
        await clientToken(learner, clients.get(learner)!, 'not-the-secret');
      },
      'a user sign-in instead': async (learner) => {
        await learner.signIn('user');
      },
    },
  },
  'use-it': {
    solution: async (learner) => {
      await useClientToken(learner, ['read']);
      const list = await learner.send('GET', '/api/articles');
      expect(list.status).toBe(200);
      // "the id of any article in that list", as the solution says: never a fixed id.
      const [first] = list.body as Array<{ id: number }>;
      expect((await learner.send('DELETE', `/api/articles/${first!.id}`)).status).toBe(403);
    },
    lazy: {
      "a writer's read and 403 on DELETE": async (learner) => {
        await learner.signIn('writer');
        await learner.send('GET', '/api/articles');
        await learner.send('DELETE', '/api/articles/1');
      },
      "the client's read, a writer's 403": async (learner) => {
        await useClientToken(learner, ['read']);
        await learner.send('GET', '/api/articles');
        await learner.signIn('writer');
        await learner.send('DELETE', '/api/articles/1');
      },
      'no token': async (learner) => {
        await learner.send('GET', '/api/articles', { as: 'none' });
        await learner.send('DELETE', '/api/articles/1', { as: 'none' });
      },
      garbage: async (learner) => {
        learner.useToken('a.b.c');
        await learner.send('GET', '/api/articles');
        await learner.send('DELETE', '/api/articles/1');
      },
    },
  },
});
