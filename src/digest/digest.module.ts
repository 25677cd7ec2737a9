import { Module } from '@nestjs/common';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { StatesModule } from '../states/states.module.js';
import { DigestResolver } from './digest.resolver.js';
import { DigestScheduler } from './digest.scheduler.js';
import { DigestService } from './digest.service.js';

/** The daily digest by e-mail and the States each user follows. */
@Module({
  imports: [InteractionsModule, StatesModule],
  providers: [DigestService, DigestResolver, DigestScheduler],
})
export class DigestModule {}
