import { Module } from '@nestjs/common';
import { RevocationModule } from '../auth/revocation/revocation.module.js';
import { ClientsController } from './clients.controller.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';
import { OAuthTokenController } from './oauth/oauth-token.controller.js';

/** Machine clients: registration by admins and the client-credentials token endpoint. */
@Module({
  imports: [RevocationModule],
  controllers: [ClientsController, OAuthTokenController],
  providers: [ClientsRepository, ClientsService],
})
export class ClientsModule {}
