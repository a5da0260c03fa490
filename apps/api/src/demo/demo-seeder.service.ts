import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DEMO_CLEARANCES,
  DEMO_USERS,
  type ArticleStatus,
  type DemoResetResponse,
  type SensitivityLabel,
} from '@authlab/shared';
import { ArticlesRepository } from '../articles/articles.repository.js';
import { PasswordHasher } from '../auth/sign-in/passwords/password-hasher.service.js';
import { RevocationService } from '../auth/revocation/revocation.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { TRACE_STORE, type TraceStore } from '../trace/trace-store.js';
import { UsersRepository } from '../users/users.repository.js';

/**
 * Articles by several authors (article-policy.ts): published ones, drafts, labels at each level
 * (MAC), and one draft its author shared with the user account (DAC).
 */
const DEMO_ARTICLES: ReadonlyArray<{
  title: string;
  body: string;
  author: string;
  status: ArticleStatus;
  label?: SensitivityLabel;
  sharedWith?: string;
}> = [
  {
    title: 'What a bearer token is',
    body: 'Whoever holds it may use it — like cash. Keep it secret, keep it short-lived.',
    author: 'editor',
    status: 'published',
  },
  {
    title: 'Three parts of a JWT',
    body: 'Header, payload and signature, each base64url-encoded and joined by dots.',
    author: 'writer',
    status: 'published',
  },
  {
    title: '401 or 403?',
    body: '401: we do not know who you are. 403: we know, and the answer is no.',
    author: 'admin',
    status: 'published',
  },
  {
    title: 'Draft: who owns an article?',
    body: 'Roles say what you may do; ownership says to which articles. Not finished yet.',
    author: 'writer',
    status: 'draft',
    sharedWith: 'user',
  },
  {
    title: 'Internal: rotating the signing key',
    body: 'Publish the new key in the JWKS first, sign with it a day later, retire the old one last.',
    author: 'writer',
    status: 'published',
    label: 'internal',
  },
  {
    title: 'Confidential: incident review',
    body: 'A test token with alg none reached staging. The verifier now names the algorithm it accepts.',
    author: 'admin',
    status: 'published',
    label: 'confidential',
  },
  {
    title: 'Draft: what MAC adds to roles',
    body: 'A label follows the article, a clearance follows the user; no owner can bend either.',
    author: 'editor',
    status: 'draft',
    label: 'internal',
  },
];

/** In demo mode, makes sure the four demo accounts and a few articles exist, and can restore them. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
    private readonly users: UsersRepository,
    private readonly articles: ArticlesRepository,
    private readonly passwords: PasswordHasher,
    private readonly revocation: RevocationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || this.config.environment === 'production') return;
    for (const demo of DEMO_USERS) {
      if (await this.users.findByUsername(demo.username)) continue;
      await this.insertDemoUser(demo);
    }
    if ((await this.articles.list()).length === 0) await this.insertDemoArticles();
    this.logger.log(
      `Demo users ready: ${DEMO_USERS.map((u) => `${u.username} / ${u.password}`).join(', ')}`,
    );
  }

  /**
   * Puts the demo back as it was: demo accounts with their roles and passwords, the demo
   * articles, an empty trace store. Learners' own accounts stay. A demo account whose role or
   * password changes has its tokens invalidated, as any such change does.
   */
  async reset(): Promise<DemoResetResponse> {
    for (const demo of DEMO_USERS) {
      const existing = await this.users.findByUsername(demo.username);
      if (!existing) {
        await this.insertDemoUser(demo);
        continue;
      }
      if (existing.clearance !== DEMO_CLEARANCES[demo.username])
        await this.users.updateClearance(existing.id, DEMO_CLEARANCES[demo.username] ?? 'public');
      if (existing.role !== demo.role) {
        const updated = await this.users.updateRole(existing.id, demo.role);
        if (updated)
          await this.revocation.raiseVersion(`user:${existing.id}`, updated.tokenVersion);
      }
      if (!(await this.passwords.verify(existing.passwordHash, demo.password))) {
        const updated = await this.users.updatePassword(
          existing.id,
          await this.passwords.hash(demo.password),
        );
        if (updated)
          await this.revocation.raiseVersion(`user:${existing.id}`, updated.tokenVersion);
      }
    }
    const articlesRemoved = await this.articles.deleteAll();
    await this.insertDemoArticles();
    const tracesCleared = this.traces.size;
    this.traces.clear();
    this.logger.log(
      `Demo data reset: ${articlesRemoved} articles replaced, ${tracesCleared} traces cleared`,
    );
    return {
      users: DEMO_USERS.length,
      articles: DEMO_ARTICLES.length,
      articlesRemoved,
      tracesCleared,
    };
  }

  private async insertDemoUser(demo: (typeof DEMO_USERS)[number]): Promise<void> {
    const passwordHash = await this.passwords.hash(demo.password);
    const inserted = await this.users
      .insert({ username: demo.username, passwordHash, role: demo.role })
      .catch((error: unknown) => {
        // Another instance seeded it first.
        if (!isUniqueViolation(error)) throw error;
      });
    const clearance = DEMO_CLEARANCES[demo.username];
    if (inserted && clearance) await this.users.updateClearance(inserted.id, clearance);
  }

  private async insertDemoArticles(): Promise<void> {
    for (const { author, sharedWith, ...article } of DEMO_ARTICLES) {
      const user = await this.users.findByUsername(author);
      const id = await this.articles.insert({ ...article, authorId: user!.id });
      const grantee = sharedWith && (await this.users.findByUsername(sharedWith));
      if (grantee) await this.articles.share(id, grantee.id);
    }
  }
}
