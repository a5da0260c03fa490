import { Module } from '@nestjs/common';
import { RevocationModule } from '../revocation/revocation.module.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

/** Refresh-token sessions: start, rotate, end. */
@Module({
  imports: [RevocationModule],
  providers: [SessionsRepository, SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
