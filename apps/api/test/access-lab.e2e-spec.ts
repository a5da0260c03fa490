import type { Role } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesRepository } from '../src/articles/articles.repository.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { signInOneOfEachRole, type SignedInUser } from './support/users.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

// Each lab route reads and writes the real article store: run them on every database backend.
for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `the access-control lab on ${backend.name}: each bug in a weak route, and the strict route without it`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let users: Record<Role, SignedInUser>;
      let repository: ArticlesRepository;

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ lab: true, database: database.database });
        users = await signInOneOfEachRole(testApp);
        repository = testApp.app.get(ArticlesRepository);
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      const editorsArticle = () =>
        repository.insert({ title: 'The editor’s', body: 'x', authorId: users.editor.id });

      it('BOLA: the weak route lets a writer edit the editor’s article; the strict one answers 403', async () => {
        const id = await editorsArticle();
        const weak = await testApp.http
          .patch(`/api/lab/access/bola/weak/articles/${id}`)
          .set(bearer(users.writer.token))
          .send({ title: 'Hijacked' })
          .expect(200);
        expect(weak.body).toEqual({ id, title: 'Hijacked', authorUsername: users.editor.username });

        const other = await editorsArticle();
        const strict = await testApp.http
          .patch(`/api/lab/access/bola/strict/articles/${other}`)
          .set(bearer(users.writer.token))
          .send({ title: 'Hijacked' })
          .expect(403);
        expect(strict.body.message).toBe(`owner check: article ${other} is not yours to update.`);
        expect((await repository.findById(other))?.title).toBe('The editor’s');
        // Both still check the role: a user lacks "update" on either.
        for (const variant of ['weak', 'strict'])
          await testApp.http
            .patch(`/api/lab/access/bola/${variant}/articles/${other}`)
            .set(bearer(users.user.token))
            .send({ title: 'x' })
            .expect(403);
      });

      it('BFLA: the weak variant’s POST …/list hands any reader the admin’s account list; the strict variant has only the admin GET', async () => {
        await testApp.http
          .get('/api/lab/access/bfla/weak/users')
          .set(bearer(users.user.token))
          .expect(403);
        const leaked = await testApp.http
          .post('/api/lab/access/bfla/weak/users/list')
          .set(bearer(users.user.token))
          .expect(201);
        expect((leaked.body as Array<{ username: string }>).map((user) => user.username)).toContain(
          users.admin.username,
        );
        await testApp.http
          .get('/api/lab/access/bfla/strict/users')
          .set(bearer(users.user.token))
          .expect(403);
        await testApp.http
          .post('/api/lab/access/bfla/strict/users/list')
          .set(bearer(users.user.token))
          .expect(404);
        await testApp.http
          .get('/api/lab/access/bfla/strict/users')
          .set(bearer(users.admin.token))
          .expect(200);
      });

      it('mass assignment: the weak route writes the body’s authorId and label; the strict one refuses both', async () => {
        const weak = await testApp.http
          .post('/api/lab/access/mass-assignment/weak/articles')
          .set(bearer(users.writer.token))
          .send({
            title: 'In the admin’s name',
            body: 'x',
            authorId: users.admin.id,
            label: 'confidential',
          })
          .expect(201);
        expect(weak.body).toMatchObject({ authorId: users.admin.id, label: 'confidential' });

        const forged = await testApp.http
          .post('/api/lab/access/mass-assignment/strict/articles')
          .set(bearer(users.writer.token))
          .send({ title: 'In the admin’s name', body: 'x', authorId: users.admin.id })
          .expect(400);
        expect(JSON.stringify(forged.body)).toContain('authorId');
        // The writer is cleared for public (the default): a confidential label is refused by MAC.
        const labelled = await testApp.http
          .post('/api/lab/access/mass-assignment/strict/articles')
          .set(bearer(users.writer.token))
          .send({ title: 'Secret', body: 'x', label: 'confidential' })
          .expect(403);
        expect(labelled.body.message).toMatch(/^MAC: label confidential above clearance public/);
        const own = await testApp.http
          .post('/api/lab/access/mass-assignment/strict/articles')
          .set(bearer(users.writer.token))
          .send({ title: 'Mine', body: 'x' })
          .expect(201);
        expect(own.body).toMatchObject({ authorId: users.writer.id, label: 'public' });
      });

      it('is not there outside lab mode', async () => {
        const plain = await startTestApp();
        try {
          await plain.http
            .post('/api/lab/access/mass-assignment/weak/articles')
            .send({})
            .expect(404);
        } finally {
          await plain.close();
        }
      });
    },
  );
}
