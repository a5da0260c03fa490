import { ROLES, type Role } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../src/articles/articles.repository.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { signInOneOfEachRole, type SignedInUser } from './support/users.js';

type Kind = "others' published" | 'own draft' | "others' draft";
type Operation = 'GET one' | 'PATCH' | 'DELETE';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Exact answers of the article policy (article-policy.ts in @authlab/shared) on top of the role
 * matrix. RBAC runs first, so a role without the permission gets 403 whatever the article; an
 * article the caller may not read is a 404, exactly like a missing one.
 */
const EXPECTED: Record<Role, Record<Kind, Record<Operation, number>>> = {
  user: {
    "others' published": { 'GET one': 200, PATCH: 403, DELETE: 403 },
    'own draft': { 'GET one': 200, PATCH: 403, DELETE: 403 },
    "others' draft": { 'GET one': 404, PATCH: 403, DELETE: 403 },
  },
  writer: {
    "others' published": { 'GET one': 200, PATCH: 403, DELETE: 403 },
    'own draft': { 'GET one': 200, PATCH: 200, DELETE: 204 },
    "others' draft": { 'GET one': 404, PATCH: 404, DELETE: 404 },
  },
  editor: {
    "others' published": { 'GET one': 200, PATCH: 200, DELETE: 403 },
    'own draft': { 'GET one': 200, PATCH: 200, DELETE: 403 },
    "others' draft": { 'GET one': 200, PATCH: 200, DELETE: 403 },
  },
  admin: {
    "others' published": { 'GET one': 200, PATCH: 200, DELETE: 204 },
    'own draft': { 'GET one': 200, PATCH: 200, DELETE: 204 },
    "others' draft": { 'GET one': 404, PATCH: 404, DELETE: 404 },
  },
};

const KINDS: Kind[] = ["others' published", 'own draft', "others' draft"];
const OPERATIONS: Operation[] = ['GET one', 'PATCH', 'DELETE'];
// A user cannot write, but the policy still lets an author read their own draft, whatever their
// role now is (an author demoted after writing, say): the fixture is inserted directly.
const cases = ROLES.flatMap((role) =>
  KINDS.flatMap((kind) =>
    OPERATIONS.map((operation) => ({
      role,
      kind,
      operation,
      status: EXPECTED[role][kind][operation],
    })),
  ),
);

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`article ownership on ${backend.name}`, () => {
    let database: TestDatabase;
    let testApp: TestApp;
    let users: Record<Role, SignedInUser>;

    beforeAll(async () => {
      database = await backend.create();
      testApp = await startTestApp({ database: database.database });
      users = await signInOneOfEachRole(testApp);
    });
    afterAll(async () => {
      await testApp?.close();
      await database?.drop();
    });

    /** A fresh article of that kind as seen by `role`: others' ones are by someone else. */
    async function fixture(role: Role, kind: Kind): Promise<number> {
      const other = role === 'writer' ? users.editor : users.writer;
      return testApp.app.get(ArticlesRepository).insert({
        title: `${kind} for ${role}`,
        body: 'Fixture',
        authorId: kind === 'own draft' ? users[role].id : other.id,
        status: kind === "others' published" ? 'published' : 'draft',
      });
    }

    it.each(cases)(
      '$role → $operation on $kind: $status',
      async ({ role, kind, operation, status }) => {
        const id = await fixture(role, kind);
        const auth = bearer(users[role].token);
        const response =
          operation === 'GET one'
            ? await testApp.http.get(`/api/articles/${id}`).set(auth)
            : operation === 'PATCH'
              ? await testApp.http.patch(`/api/articles/${id}`).set(auth).send({ title: 'Edited' })
              : await testApp.http.delete(`/api/articles/${id}`).set(auth);
        expect(response.status).toBe(status);
        if (status === 404) {
          // Word for word what a missing id gets: nothing tells the draft is there.
          const missing = await testApp.http.get('/api/articles/2000000000').set(auth);
          expect(response.body.message).toBe(`No article has id ${id}.`);
          expect(missing.body.message).toBe('No article has id 2000000000.');
          expect(Object.keys(response.body).sort()).toEqual(Object.keys(missing.body).sort());
        }
        const after = await testApp.app.get(ArticlesRepository).findById(id);
        if (operation === 'DELETE') expect(after === undefined).toBe(status === 204);
        if (operation === 'PATCH') expect(after?.title === 'Edited').toBe(status === 200);
      },
    );

    it('lists only what each role may read: own drafts, and every draft for editors', async () => {
      const writerDraft = await fixture('editor', "others' draft");
      const editorDraft = await fixture('writer', "others' draft");
      const listed = async (role: Role) =>
        (
          (await testApp.http.get('/api/articles').set(bearer(users[role].token)).expect(200))
            .body as Array<{ id: number }>
        ).map((article) => article.id);
      expect(await listed('writer')).toContain(writerDraft);
      expect(await listed('writer')).not.toContain(editorDraft);
      expect(await listed('editor')).toEqual(expect.arrayContaining([writerDraft, editorDraft]));
      for (const role of ['user', 'admin'] as const) {
        expect(await listed(role)).not.toContain(writerDraft);
        expect(await listed(role)).not.toContain(editorDraft);
      }
    });

    it('writes drafts under the author’s name and refuses an authorId in the body', async () => {
      const created = await testApp.http
        .post('/api/articles')
        .set(bearer(users.writer.token))
        .send({ title: 'Mine', body: 'Draft', status: 'draft' })
        .expect(201);
      expect(created.body).toMatchObject({ status: 'draft', authorId: users.writer.id });
      await testApp.http
        .get(`/api/articles/${created.body.id}`)
        .set(bearer(users.user.token))
        .expect(404);
      const forged = await testApp.http
        .post('/api/articles')
        .set(bearer(users.writer.token))
        .send({ title: 'Not mine', body: 'x', authorId: users.admin.id })
        .expect(400);
      expect(JSON.stringify(forged.body)).toContain('authorId');
    });

    it('names the deciding check in the trace: the owner check hid a draft', async () => {
      const id = await fixture('user', "others' draft");
      const response = await testApp.http
        .get(`/api/articles/${id}`)
        .set(bearer(users.user.token))
        .expect(404);
      const traceId = response.headers['x-trace-id'] as string;
      const trace = await testApp.http
        .get(`/api/traces/${traceId}`)
        .set(bearer(users.user.token))
        .expect(200);
      const events = trace.body.events as Array<{ step: string; outcome: string; reason: string }>;
      expect(events.find((event) => event.step === 'PoliciesGuard')?.outcome).toBe('pass');
      const owner = events.find((event) => event.step === 'owner check');
      expect(owner).toMatchObject({ outcome: 'deny' });
      expect(owner?.reason).toMatch(/^owner check: draft \d+ is not yours/);
    });
  });
}
