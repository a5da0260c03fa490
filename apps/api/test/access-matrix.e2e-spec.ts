import { articleGrantsOf, permissionsOf, ROLES, type Permission, type Role } from '@authlab/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { signInOneOfEachRole, type SignedInUser } from './support/users.js';

interface Operation {
  name: string;
  permission: Permission;
  okStatus: number;
  send(
    testApp: TestApp,
    articleId: number,
    token: string,
  ): Promise<{ status: number; headers: Record<string, string> }>;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const OPERATIONS: Operation[] = [
  {
    name: 'GET /api/articles',
    permission: 'read',
    okStatus: 200,
    send: (t, _id, token) => t.http.get('/api/articles').set(bearer(token)),
  },
  {
    name: 'GET /api/articles/:id',
    permission: 'read',
    okStatus: 200,
    send: (t, id, token) => t.http.get(`/api/articles/${id}`).set(bearer(token)),
  },
  {
    name: 'POST /api/articles',
    permission: 'create',
    okStatus: 201,
    send: (t, _id, token) =>
      t.http.post('/api/articles').set(bearer(token)).send({ title: 'New', body: 'Text' }),
  },
  {
    name: 'PUT /api/articles/:id',
    permission: 'update',
    okStatus: 200,
    send: (t, id, token) =>
      t.http
        .put(`/api/articles/${id}`)
        .set(bearer(token))
        .send({ title: 'Replaced', body: 'All new' }),
  },
  {
    name: 'PATCH /api/articles/:id',
    permission: 'update',
    okStatus: 200,
    send: (t, id, token) =>
      t.http.patch(`/api/articles/${id}`).set(bearer(token)).send({ title: 'Edited' }),
  },
  {
    name: 'DELETE /api/articles/:id',
    permission: 'delete',
    okStatus: 204,
    send: (t, id, token) => t.http.delete(`/api/articles/${id}`).set(bearer(token)),
  },
];

// The fixture is a published article by the admin: a role whose grant for the operation covers
// only its own articles (a writer's update and delete) passes RolesGuard and is refused by the
// owner check, with no insufficient_scope challenge — its role is not what is missing.
const cases = ROLES.flatMap((role) =>
  OPERATIONS.map((operation) => {
    const roleGrants = permissionsOf(role).includes(operation.permission);
    const covers = articleGrantsOf(role).some(
      (grant) =>
        grant.permission === operation.permission &&
        (grant.on !== 'own' || operation.permission === 'create'),
    );
    const decidedBy = !roleGrants ? 'RolesGuard' : covers ? null : 'owner check';
    return { role, operation, allowed: decidedBy === null, decidedBy };
  }),
);

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `the role × operation matrix on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let users: Record<Role, SignedInUser>;
      let articleId: number;

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
        users = await signInOneOfEachRole(testApp);
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });
      beforeEach(async () => {
        const created = await testApp.http
          .post('/api/articles')
          .set(bearer(users.admin.token))
          .send({ title: 'Fixture', body: 'For one test' })
          .expect(201);
        articleId = (created.body as { id: number }).id;
      });

      it.each(cases)(
        '$role → $operation.name on the admin’s article: refused by $decidedBy',
        async ({ role, operation, allowed, decidedBy }) => {
          const response = await operation.send(testApp, articleId, users[role].token);
          if (allowed) {
            expect(response.status).toBe(operation.okStatus);
            return;
          }
          expect(response.status).toBe(403);
          if (decidedBy === 'owner check') {
            expect(response.headers['www-authenticate']).toBeUndefined();
            expect((response as unknown as { body: { message: string } }).body.message).toBe(
              `owner check: article ${articleId} is not yours to ${operation.permission}.`,
            );
            return;
          }
          expect(response.headers['www-authenticate']).toBe(
            `Bearer realm="authlab", error="insufficient_scope", scope="${operation.permission}"`,
          );
          expect((response as unknown as { body: { message: string } }).body.message).toContain(
            `"${operation.permission}"`,
          );
        },
      );

      it('really changes the data when allowed: a writer creates and edits its own, an editor edits, an admin deletes', async () => {
        const created = await testApp.http
          .post('/api/articles')
          .set(bearer(users.writer.token))
          .send({ title: 'Draft', body: 'v1' })
          .expect(201);
        const id = (created.body as { id: number; authorUsername: string }).id;
        expect(created.body).toMatchObject({
          title: 'Draft',
          body: 'v1',
          authorUsername: users.writer.username,
        });

        await testApp.http
          .patch(`/api/articles/${id}`)
          .set(bearer(users.writer.token))
          .send({ title: 'Mine' })
          .expect(200);
        await testApp.http
          .patch(`/api/articles/${id}`)
          .set(bearer(users.editor.token))
          .send({ body: 'v2' })
          .expect(200);
        const read = await testApp.http
          .get(`/api/articles/${id}`)
          .set(bearer(users.user.token))
          .expect(200);
        expect(read.body).toMatchObject({ title: 'Mine', body: 'v2' });

        await testApp.http.delete(`/api/articles/${id}`).set(bearer(users.admin.token)).expect(204);
        await testApp.http.get(`/api/articles/${id}`).set(bearer(users.user.token)).expect(404);
      });

      it('keeps the data unchanged when refused', async () => {
        await testApp.http
          .delete(`/api/articles/${articleId}`)
          .set(bearer(users.editor.token))
          .expect(403);
        await testApp.http
          .patch(`/api/articles/${articleId}`)
          .set(bearer(users.writer.token))
          .send({ title: 'Hijacked' })
          .expect(403);
        await testApp.http
          .delete(`/api/articles/${articleId}`)
          .set(bearer(users.writer.token))
          .expect(403);
        const read = await testApp.http
          .get(`/api/articles/${articleId}`)
          .set(bearer(users.user.token))
          .expect(200);
        expect(read.body).toMatchObject({ title: 'Fixture', body: 'For one test' });
      });

      it('lets only admins list users and change roles', async () => {
        for (const role of ['user', 'writer', 'editor'] as const) {
          await testApp.http.get('/api/users').set(bearer(users[role].token)).expect(403);
          await testApp.http
            .patch(`/api/users/${users[role].id}/role`)
            .set(bearer(users[role].token))
            .send({ role: 'admin' })
            .expect(403);
        }
        const list = await testApp.http
          .get('/api/users')
          .set(bearer(users.admin.token))
          .expect(200);
        expect((list.body as Array<{ username: string }>).map((u) => u.username)).toEqual(
          expect.arrayContaining(ROLES.map((role) => users[role].username)),
        );
        expect(JSON.stringify(list.body)).not.toMatch(/password|argon2/i);

        const promoted = await testApp.http
          .patch(`/api/users/${users.user.id}/role`)
          .set(bearer(users.admin.token))
          .send({ role: 'writer' })
          .expect(200);
        expect(promoted.body).toEqual({
          id: users.user.id,
          username: users.user.username,
          role: 'writer',
        });
        await testApp.http
          .patch(`/api/users/${users.user.id}/role`)
          .set(bearer(users.admin.token))
          .send({ role: 'user' })
          .expect(200);
      });

      it('refuses unknown roles and self-demotion when changing roles', async () => {
        const unknown = await testApp.http
          .patch(`/api/users/${users.user.id}/role`)
          .set(bearer(users.admin.token))
          .send({ role: 'superadmin' })
          .expect(400);
        expect(unknown.body.details[0].path).toBe('role');
        await testApp.http
          .patch(`/api/users/${users.admin.id}/role`)
          .set(bearer(users.admin.token))
          .send({ role: 'user' })
          .expect(409);
        await testApp.http
          .patch('/api/users/999999/role')
          .set(bearer(users.admin.token))
          .send({ role: 'user' })
          .expect(404);
      });
    },
  );
}
