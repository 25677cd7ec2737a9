import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { StatesModule } from '../states/states.module.js';
import { FollowUpsRepository } from './follow-ups.repository.js';
import { FollowUpsResolver } from './follow-ups.resolver.js';
import { FollowUpsService } from './follow-ups.service.js';
import { InteractionLoaders } from './interaction.loaders.js';
import { InteractionsRepository } from './interactions.repository.js';
import { InteractionsResolver } from './interactions.resolver.js';
import { InteractionsService } from './interactions.service.js';

@Module({
  imports: [StatesModule, ContactsModule],
  providers: [
    InteractionsRepository,
    InteractionsService,
    InteractionLoaders,
    InteractionsResolver,
    FollowUpsRepository,
    FollowUpsService,
    FollowUpsResolver,
  ],
  exports: [InteractionsRepository, InteractionsService, FollowUpsService],
})
export class InteractionsModule {}
