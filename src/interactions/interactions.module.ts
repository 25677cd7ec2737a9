import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { StatesModule } from '../states/states.module.js';
import { InteractionsRepository } from './interactions.repository.js';
import { InteractionsResolver } from './interactions.resolver.js';
import { InteractionsService } from './interactions.service.js';

@Module({
  imports: [StatesModule, ContactsModule],
  providers: [InteractionsRepository, InteractionsService, InteractionsResolver],
  exports: [InteractionsRepository],
})
export class InteractionsModule {}
