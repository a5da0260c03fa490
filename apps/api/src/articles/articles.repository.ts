import { Inject, Injectable } from '@nestjs/common';
import type { Article, ArticleStatus } from '@authlab/shared';
import { DATABASE, type Database } from '../database/database.types.js';
import { preparedQuery, type PreparedQuery } from '../database/prepared-query.js';

/** The only place that reads or writes the articles table. */
@Injectable()
export class ArticlesRepository {
  /** The two reads every article route makes: compiled once (see preparedQuery). */
  private readonly all: PreparedQuery<[], Article>;
  private readonly byId: PreparedQuery<[id: number], Article>;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.all = preparedQuery(db, () => this.selectArticles().orderBy('articles.id'), []);
    this.byId = preparedQuery(
      db,
      (id: number) => this.selectArticles().where('articles.id', '=', id),
      [0],
    );
  }

  private selectArticles() {
    return this.db
      .selectFrom('articles')
      .innerJoin('users', 'users.id', 'articles.authorId')
      .select([
        'articles.id',
        'articles.title',
        'articles.body',
        'articles.authorId',
        'users.username as authorUsername',
        'articles.status',
        'articles.createdAt',
        'articles.updatedAt',
      ]);
  }

  list(): Promise<Article[]> {
    return this.all();
  }

  async findById(id: number): Promise<Article | undefined> {
    return (await this.byId(id))[0];
  }

  async insert(article: {
    title: string;
    body: string;
    authorId: number;
    status?: ArticleStatus;
  }): Promise<number> {
    const now = new Date().toISOString();
    const { id } = await this.db
      .insertInto('articles')
      .values({ ...article, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Returns false when no article has that id. */
  async update(
    id: number,
    changes: { title?: string; body?: string; status?: ArticleStatus },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('articles')
      .set({ ...changes, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Empties the table (demo reset); returns how many rows went. */
  async deleteAll(): Promise<number> {
    const result = await this.db.deleteFrom('articles').executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Returns false when no article has that id. */
  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
