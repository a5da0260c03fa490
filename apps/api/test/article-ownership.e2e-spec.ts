import { ROLES, type Role } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../src/articles/articles.repository.js';
import { DATABASE, type Database } from '../src/database/database.types.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { signInOneOfEachRole, type SignedInUser } from './support/users.js';

type Kind =
  | 'own published'
  | 'own draft'
  | "others' published"
  | "others' draft"
  | 'draft shared with me'
  | "others' confidential"
  | 'own confidential';
type Operation = 'GET one' | 'PATCH' | 'DELETE' | 'SHARE';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Exact answers of the article policy (article-policy.ts and sensitivity-labels.ts in
 * @authlab/shared) on top of the role matrix, for callers cleared up to "internal". RBAC runs
 * first, so a role without the permission gets 403 whatever the article (sharing needs
 * "update"); an article the caller may not read — someone else's draft not shared with them
 * (DAC) or a label above their clearance (MAC, even their own) — is a 404, exactly like a missing
 * one; one they read but may not change is a 403 from the owner check.
 */
const EXPECTED: Record<Role, Record<Kind, Record<Operation, number>>> = {
  user: {
    'own published': { 'GET one': 200, PATCH: 403, DELETE: 403, SHARE: 403 },
    'own draft': { 'GET one': 200, PATCH: 403, DELETE: 403, SHARE: 403 },
    "others' published": { 'GET one': 200, PATCH: 403, DELETE: 403, SHARE: 403 },
    "others' draft": { 'GET one': 404, PATCH: 403, DELETE: 403, SHARE: 403 },
    'draft shared with me': { 'GET one': 200, PATCH: 403, DELETE: 403, SHARE: 403 },
    "others' confidential": { 'GET one': 404, PATCH: 403, DELETE: 403, SHARE: 403 },
    'own confidential': { 'GET one': 404, PATCH: 403, DELETE: 403, SHARE: 403 },
  },
  writer: {
    'own published': { 'GET one': 200, PATCH: 200, DELETE: 204, SHARE: 201 },
    'own draft': { 'GET one': 200, PATCH: 200, DELETE: 204, SHARE: 201 },
    "others' published": { 'GET one': 200, PATCH: 403, DELETE: 403, SHARE: 403 },
    "others' draft": { 'GET one': 404, PATCH: 404, DELETE: 404, SHARE: 404 },
    'draft shared with me': { 'GET one': 200, PATCH: 403, DELETE: 403, SHARE: 403 },
    "others' confidential": { 'GET one': 404, PATCH: 404, DELETE: 404, SHARE: 404 },
    'own confidential': { 'GET one': 404, PATCH: 404, DELETE: 404, SHARE: 404 },
  },
  editor: {
    'own published': { 'GET one': 200, PATCH: 200, DELETE: 403, SHARE: 201 },
    'own draft': { 'GET one': 200, PATCH: 200, DELETE: 403, SHARE: 201 },
    "others' published": { 'GET one': 200, PATCH: 200, DELETE: 403, SHARE: 403 },
    "others' draft": { 'GET one': 200, PATCH: 200, DELETE: 403, SHARE: 403 },
    'draft shared with me': { 'GET one': 200, PATCH: 200, DELETE: 403, SHARE: 403 },
    "others' confidential": { 'GET one': 404, PATCH: 404, DELETE: 403, SHARE: 404 },
    'own confidential': { 'GET one': 404, PATCH: 404, DELETE: 403, SHARE: 404 },
  },
  admin: {
    'own published': { 'GET one': 200, PATCH: 200, DELETE: 204, SHARE: 201 },
    'own draft': { 'GET one': 200, PATCH: 200, DELETE: 204, SHARE: 201 },
    "others' published": { 'GET one': 200, PATCH: 200, DELETE: 204, SHARE: 403 },
    "others' draft": { 'GET one': 404, PATCH: 404, DELETE: 404, SHARE: 404 },
    'draft shared with me': { 'GET one': 200, PATCH: 200, DELETE: 204, SHARE: 403 },
    "others' confidential": { 'GET one': 404, PATCH: 404, DELETE: 404, SHARE: 404 },
    'own confidential': { 'GET one': 404, PATCH: 404, DELETE: 404, SHARE: 404 },
  },
};

const KINDS = Object.keys(EXPECTED.user) as Kind[];
const OPERATIONS: Operation[] = ['GET one', 'PATCH', 'DELETE', 'SHARE'];
// Fixtures are inserted directly: a user cannot write, but the policy still applies to an author
// whatever their role now is (an author demoted after writing, say).
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

/** Which model a refusal names in the trace, by its first words. */
function expectedModel(role: Role, kind: Kind, operation: Operation, status: number): RegExp {
  if (status === 403 && !['writer', 'editor', 'admin'].includes(role)) return /^RBAC: /;
  if (status === 403 && role === 'editor' && operation === 'DELETE') return /^RBAC: /;
  if (status === 403) return /^owner check: not your article/;
  if (kind.includes('confidential')) return /^MAC: label confidential above clearance internal/;
  return /^DAC: not shared with you/;
}

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `article ownership, shares (DAC) and labels (MAC) on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let users: Record<Role, SignedInUser>;
      let repository: ArticlesRepository;

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
        users = await signInOneOfEachRole(testApp);
        repository = testApp.app.get(ArticlesRepository);
        // Everyone cleared up to internal: "confidential" is above them all.
        await testApp.app
          .get<Database>(DATABASE)
          .updateTable('users')
          .set({ clearance: 'internal' })
          .execute();
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      /** Someone other than `role`, to write others' articles and to receive shares. */
      const other = (role: Role) => (role === 'writer' ? users.editor : users.writer);

      /** A fresh article of that kind as seen by `role`. */
      async function fixture(role: Role, kind: Kind): Promise<number> {
        const own = kind.startsWith('own');
        const id = await repository.insert({
          title: `${kind} for ${role}`,
          body: 'Fixture',
          authorId: own ? users[role].id : other(role).id,
          status: kind.includes('draft') ? 'draft' : 'published',
          label: kind.includes('confidential') ? 'confidential' : 'public',
        });
        if (kind === 'draft shared with me') await repository.share(id, users[role].id);
        return id;
      }

      async function send(role: Role, operation: Operation, id: number) {
        const auth = bearer(users[role].token);
        if (operation === 'GET one') return testApp.http.get(`/api/articles/${id}`).set(auth);
        if (operation === 'PATCH')
          return testApp.http.patch(`/api/articles/${id}`).set(auth).send({ title: 'Edited' });
        if (operation === 'DELETE') return testApp.http.delete(`/api/articles/${id}`).set(auth);
        const grantee = role === 'user' ? users.admin : role === 'admin' ? users.user : users.admin;
        return testApp.http
          .post(`/api/articles/${id}/shares`)
          .set(auth)
          .send({ username: grantee.username });
      }

      it.each(cases)(
        '$role → $operation on $kind: $status',
        async ({ role, kind, operation, status }) => {
          const id = await fixture(role, kind);
          const response = await send(role, operation, id);
          expect(response.status).toBe(status);
          if (status === 404) {
            // Word for word what a missing id gets: nothing tells the article is there.
            expect(response.body.message).toBe(`No article has id ${id}.`);
          }
          if (status >= 400) {
            const trace = await testApp.http
              .get(`/api/traces/${response.headers['x-trace-id'] as string}`)
              .set(bearer(users[role].token))
              .expect(200);
            expect(trace.body.decidedBy.reason).toMatch(
              expectedModel(role, kind, operation, status),
            );
          }
          const after = await repository.findById(id);
          if (operation === 'DELETE') expect(after === undefined).toBe(status === 204);
          if (operation === 'PATCH') expect(after?.title === 'Edited').toBe(status === 200);
          if (operation === 'SHARE')
            expect(after?.sharedWithUsernames.length === (kind.includes('shared') ? 1 : 0)).toBe(
              status !== 201,
            );
        },
      );

      it('lists only what each role may read: own drafts, shared ones, every draft for editors, never a label above the clearance', async () => {
        const writerDraft = await fixture('editor', "others' draft");
        const editorDraft = await fixture('writer', "others' draft");
        const sharedWithUser = await fixture('user', 'draft shared with me');
        const confidential = await fixture('user', "others' confidential");
        const listed = async (role: Role) =>
          (
            (await testApp.http.get('/api/articles').set(bearer(users[role].token)).expect(200))
              .body as Array<{ id: number }>
          ).map((article) => article.id);
        expect(await listed('writer')).toContain(writerDraft);
        expect(await listed('writer')).not.toContain(editorDraft);
        expect(await listed('editor')).toEqual(expect.arrayContaining([writerDraft, editorDraft]));
        expect(await listed('user')).toContain(sharedWithUser);
        for (const role of ['user', 'admin'] as const) {
          expect(await listed(role)).not.toContain(writerDraft);
          expect(await listed(role)).not.toContain(editorDraft);
        }
        for (const role of ROLES) expect(await listed(role)).not.toContain(confidential);
      });

      it('DAC: an author shares a draft, the named user reads it, the author revokes it and the user stops at once', async () => {
        const id = await fixture('writer', 'own draft');
        const read = () => testApp.http.get(`/api/articles/${id}`).set(bearer(users.user.token));
        expect((await read()).status).toBe(404);
        const shared = await testApp.http
          .post(`/api/articles/${id}/shares`)
          .set(bearer(users.writer.token))
          .send({ username: users.user.username })
          .expect(201);
        expect(shared.body).toEqual({ articleId: id, username: users.user.username });
        expect((await read()).status).toBe(200);
        // The author sees whom they shared it with; the reader does not.
        const asAuthor = await testApp.http
          .get(`/api/articles/${id}`)
          .set(bearer(users.writer.token))
          .expect(200);
        expect(asAuthor.body.sharedWith).toEqual([users.user.username]);
        expect((await read()).body.sharedWith).toBeUndefined();
        await testApp.http
          .delete(`/api/articles/${id}/shares/${users.user.username}`)
          .set(bearer(users.writer.token))
          .expect(204);
        expect((await read()).status).toBe(404);
        await testApp.http
          .delete(`/api/articles/${id}/shares/${users.user.username}`)
          .set(bearer(users.writer.token))
          .expect(404);
        await testApp.http
          .post(`/api/articles/${id}/shares`)
          .set(bearer(users.writer.token))
          .send({ username: 'nobody-by-this-name' })
          .expect(404);
        await testApp.http
          .post(`/api/articles/${id}/shares`)
          .set(bearer(users.writer.token))
          .send({ username: users.writer.username })
          .expect(400);
      });

      it('MAC: nobody labels above their own clearance, only an admin lowers a label, and no share passes the label', async () => {
        const writer = bearer(users.writer.token);
        const above = await testApp.http
          .post('/api/articles')
          .set(writer)
          .send({ title: 'Secret', body: 'x', label: 'confidential' })
          .expect(403);
        expect(above.body.message).toBe(
          'MAC: label confidential above clearance internal: you cannot label an article above your own clearance.',
        );
        const created = await testApp.http
          .post('/api/articles')
          .set(writer)
          .send({ title: 'Internal', body: 'x', label: 'internal', status: 'draft' })
          .expect(201);
        const id = created.body.id as number;
        expect(created.body).toMatchObject({ label: 'internal', authorId: users.writer.id });
        const lowered = await testApp.http
          .patch(`/api/articles/${id}`)
          .set(writer)
          .send({ label: 'public' })
          .expect(403);
        expect(lowered.body.message).toBe(
          'MAC: only an admin lowers a label (internal to public).',
        );
        // The user account is cleared for public only: the share would pass the label.
        await testApp.app
          .get<Database>(DATABASE)
          .updateTable('users')
          .set({ clearance: 'public' })
          .where('id', '=', users.user.id)
          .execute();
        try {
          const past = await testApp.http
            .post(`/api/articles/${id}/shares`)
            .set(writer)
            .send({ username: users.user.username })
            .expect(403);
          expect(past.body.message).toBe(
            `MAC: label internal above clearance public of ${users.user.username}: article ${id} cannot be shared with them.`,
          );
          await testApp.http
            .patch(`/api/articles/${id}`)
            .set(bearer(users.admin.token))
            .send({ label: 'public' })
            .expect(404); // the admin does not see the writer's draft at all
        } finally {
          await testApp.app
            .get<Database>(DATABASE)
            .updateTable('users')
            .set({ clearance: 'internal' })
            .where('id', '=', users.user.id)
            .execute();
        }
      });

      it('MAC: only an admin sets a clearance, and it applies to the next request', async () => {
        const id = await fixture('user', "others' confidential");
        const read = () => testApp.http.get(`/api/articles/${id}`).set(bearer(users.editor.token));
        expect((await read()).status).toBe(404);
        for (const role of ['user', 'writer', 'editor'] as const) {
          await testApp.http
            .patch(`/api/users/${users[role].id}/clearance`)
            .set(bearer(users[role].token))
            .send({ clearance: 'confidential' })
            .expect(403);
        }
        const raised = await testApp.http
          .patch(`/api/users/${users.editor.id}/clearance`)
          .set(bearer(users.admin.token))
          .send({ clearance: 'confidential' })
          .expect(200);
        expect(raised.body).toEqual({
          id: users.editor.id,
          username: users.editor.username,
          clearance: 'confidential',
        });
        expect((await read()).status).toBe(200);
        await testApp.http
          .patch(`/api/users/${users.editor.id}/clearance`)
          .set(bearer(users.admin.token))
          .send({ clearance: 'secret' })
          .expect(400);
        await testApp.http
          .patch(`/api/users/${users.editor.id}/clearance`)
          .set(bearer(users.admin.token))
          .send({ clearance: 'internal' })
          .expect(200);
        expect((await read()).status).toBe(404);
      });

      it('mass assignment: an authorId in a body is a 400 and writes nothing; the author is always the caller', async () => {
        const forged = await testApp.http
          .post('/api/articles')
          .set(bearer(users.writer.token))
          .send({ title: 'Not mine', body: 'x', authorId: users.admin.id })
          .expect(400);
        expect(JSON.stringify(forged.body)).toContain('authorId');
        const id = await fixture('writer', 'own draft');
        await testApp.http
          .patch(`/api/articles/${id}`)
          .set(bearer(users.writer.token))
          .send({ authorId: users.admin.id })
          .expect(400);
        expect((await repository.findById(id))?.authorId).toBe(users.writer.id);
      });
    },
  );
}
