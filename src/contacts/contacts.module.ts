import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { StatesModule } from '../states/states.module.js';
import { ContactMergeResolver } from './contact-merge.resolver.js';
import { ContactMergeService } from './contact-merge.service.js';
import { ContactPostingFieldsResolver, ContactPostingsResolver } from './contact-postings.resolver.js';
import { ContactPostingsRepository } from './contact-postings.repository.js';
import { ContactPostingsService } from './contact-postings.service.js';
import { ContactLoaders } from './contact.loaders.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactInteractionsResolver, ContactsResolver } from './contacts.resolver.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [StatesModule, OrganizationsModule],
  providers: [
    ContactsRepository,
    ContactsService,
    ContactLoaders,
    ContactsResolver,
    ContactInteractionsResolver,
    ContactPostingsRepository,
    ContactPostingsService,
    ContactPostingsResolver,
    ContactPostingFieldsResolver,
    ContactMergeService,
    ContactMergeResolver,
  ],
  exports: [ContactsRepository, ContactPostingsRepository],
})
export class ContactsModule {}
