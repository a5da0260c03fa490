import { Module } from '@nestjs/common';
import { RevocationModule } from '../auth/revocation/revocation.module.js';
import { ClientsController } from './clients.controller.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';

/** Machine clients: registration by admins; their token endpoint is the authorization server's (oauth/). */
@Module({
  imports: [RevocationModule],
  controllers: [ClientsController],
  providers: [ClientsRepository, ClientsService],
  exports: [ClientsService],
})
export class ClientsModule {}
