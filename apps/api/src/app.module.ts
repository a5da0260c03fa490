import { Module, type DynamicModule } from '@nestjs/common';
import { ArticlesModule } from './articles/articles.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { SigningKeys } from './auth/tokens/signing-keys.js';
import { ClientsModule } from './clients/clients.module.js';
import { ClockModule } from './clock/clock.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { globalEnhancers } from './global-enhancers.js';
import { LabModule } from './lab/lab.module.js';
import { AccessLabModule } from './access-lab/access-lab.module.js';
import { MetaModule } from './meta/meta.module.js';
import { OAuthModule } from './oauth/oauth.module.js';
import { RedisModule } from './redis/redis.module.js';
import { TraceModule } from './trace/trace.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig, keys: SigningKeys): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        ClockModule,
        RedisModule,
        AuthModule.register(keys),
        UsersModule,
        ClientsModule,
        OAuthModule,
        ArticlesModule,
        MetaModule,
        TraceModule,
        ...(config.demo ? [DemoModule] : []),
        ...(config.lab ? [LabModule.register(config, keys), AccessLabModule] : []),
      ],
      providers: globalEnhancers(config),
    };
  }
}
