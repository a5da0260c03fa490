import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { createDatabase } from './create-database.js';
import { DATABASE, DATABASE_KIND, type Database } from './database.types.js';
import { migrateToLatest } from './migrate.js';

/** Opens the database, migrates it before any request is served, and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Database> => {
        const db = createDatabase(config.database);
        await migrateToLatest(db, config.database.kind);
        return db;
      },
    },
    {
      provide: DATABASE_KIND,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => config.database.kind,
    },
  ],
  exports: [DATABASE, DATABASE_KIND],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}
