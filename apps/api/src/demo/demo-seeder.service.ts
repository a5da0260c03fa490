import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_USERS } from '@authlab/shared';
import { ArticlesRepository } from '../articles/articles.repository.js';
import { PasswordHasher } from '../auth/passwords/password-hasher.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { UsersRepository } from '../users/users.repository.js';

const DEMO_ARTICLES = [
  { title: 'What a bearer token is', body: 'Whoever holds it may use it — like cash. Keep it secret, keep it short-lived.' },
  { title: 'Three parts of a JWT', body: 'Header, payload and signature, each base64url-encoded and joined by dots.' },
  { title: '401 or 403?', body: '401: we do not know who you are. 403: we know, and the answer is no.' },
];

/** In demo mode, makes sure the four demo accounts and a few articles exist. Never in production. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly articles: ArticlesRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || this.config.environment === 'production') return;
    for (const demo of DEMO_USERS) {
      if (await this.users.findByUsername(demo.username)) continue;
      const passwordHash = await this.passwords.hash(demo.password);
      await this.users
        .insert({ username: demo.username, passwordHash, role: demo.role })
        .catch((error: unknown) => {
          // Another instance seeded it first.
          if (!isUniqueViolation(error)) throw error;
        });
    }
    if ((await this.articles.list()).length === 0) {
      const author = await this.users.findByUsername('writer');
      for (const article of DEMO_ARTICLES) await this.articles.insert({ ...article, authorId: author!.id });
    }
    this.logger.log(`Demo users ready: ${DEMO_USERS.map((u) => `${u.username} / ${u.password}`).join(', ')}`);
  }
}
