import { Inject, Injectable } from '@nestjs/common';
import type { ArticleStatus, SensitivityLabel } from '@authlab/shared';
import { DATABASE, type Database } from '../database/database.types.js';
import { preparedQuery, type PreparedQuery } from '../database/prepared-query.js';
import type { LoadedArticle } from './article-access.js';

/** A row of the articles table with its author's name and its shares (DAC). */
export interface ArticleRecord extends LoadedArticle {
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** Usernames, in the order of sharedWith's ids. */
  sharedWithUsernames: string[];
}

type ArticleRow = Omit<ArticleRecord, 'sharedWith' | 'sharedWithUsernames'>;
interface ShareRow {
  articleId: number;
  userId: number;
  username: string;
}

/** The only place that reads or writes the articles and article_shares tables. */
@Injectable()
export class ArticlesRepository {
  /** The reads every article route makes: compiled once (see preparedQuery). */
  private readonly all: PreparedQuery<[], ArticleRow>;
  private readonly byId: PreparedQuery<[id: number], ArticleRow>;
  private readonly allShares: PreparedQuery<[], ShareRow>;
  private readonly sharesById: PreparedQuery<[id: number], ShareRow>;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.all = preparedQuery(db, () => this.selectArticles().orderBy('articles.id'), []);
    this.byId = preparedQuery(
      db,
      (id: number) => this.selectArticles().where('articles.id', '=', id),
      [0],
    );
    this.allShares = preparedQuery(db, () => this.selectShares(), []);
    this.sharesById = preparedQuery(
      db,
      (id: number) => this.selectShares().where('articleShares.articleId', '=', id),
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
        'articles.label',
        'articles.createdAt',
        'articles.updatedAt',
      ]);
  }

  private selectShares() {
    return this.db
      .selectFrom('articleShares')
      .innerJoin('users', 'users.id', 'articleShares.userId')
      .select(['articleShares.articleId', 'articleShares.userId', 'users.username'])
      .orderBy('users.username');
  }

  private static withShares(row: ArticleRow, shares: readonly ShareRow[]): ArticleRecord {
    const own = shares.filter((share) => share.articleId === row.id);
    return {
      ...row,
      sharedWith: own.map((share) => share.userId),
      sharedWithUsernames: own.map((share) => share.username),
    };
  }

  async list(): Promise<ArticleRecord[]> {
    const [rows, shares] = await Promise.all([this.all(), this.allShares()]);
    return rows.map((row) => ArticlesRepository.withShares(row, shares));
  }

  async findById(id: number): Promise<ArticleRecord | undefined> {
    const [rows, shares] = await Promise.all([this.byId(id), this.sharesById(id)]);
    return rows[0] && ArticlesRepository.withShares(rows[0], shares);
  }

  async insert(article: {
    title: string;
    body: string;
    authorId: number;
    status?: ArticleStatus;
    label?: SensitivityLabel;
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
    changes: { title?: string; body?: string; status?: ArticleStatus; label?: SensitivityLabel },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('articles')
      .set({ ...changes, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** DAC: lets the user read the article; sharing twice changes nothing. */
  async share(articleId: number, userId: number): Promise<void> {
    await this.db
      .insertInto('articleShares')
      .values({ articleId, userId, createdAt: new Date().toISOString() })
      .onConflict((conflict) => conflict.columns(['articleId', 'userId']).doNothing())
      .execute();
  }

  /** Returns false when the user held no share of the article. */
  async unshare(articleId: number, userId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('articleShares')
      .where('articleId', '=', articleId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** MAC: the user's clearance, as only admins set it; undefined for an unknown id. */
  async clearanceOf(userId: number): Promise<SensitivityLabel | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select('clearance')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.clearance;
  }

  /** The user a share names, with their clearance (MAC decides whether they may hold it). */
  findGrantee(
    username: string,
  ): Promise<{ id: number; username: string; clearance: SensitivityLabel } | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'username', 'clearance'])
      .where('username', '=', username)
      .executeTakeFirst();
  }

  /** Empties the table (demo reset), shares with it; returns how many articles went. */
  async deleteAll(): Promise<number> {
    await this.db.deleteFrom('articleShares').execute();
    const result = await this.db.deleteFrom('articles').executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Returns false when no article has that id; its shares go with it. */
  async delete(id: number): Promise<boolean> {
    await this.db.deleteFrom('articleShares').where('articleId', '=', id).execute();
    const result = await this.db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
