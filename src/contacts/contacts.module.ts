import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { StatesModule } from '../states/states.module.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactsResolver } from './contacts.resolver.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [StatesModule, OrganizationsModule],
  providers: [ContactsRepository, ContactsService, ContactsResolver],
  exports: [ContactsRepository],
})
export class ContactsModule {}
