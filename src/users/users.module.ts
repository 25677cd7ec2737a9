import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ActiveUsersCache } from './active-users.cache.js';
import { UsersRepository } from './users.repository.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [OrganizationsModule],
  providers: [UsersRepository, ActiveUsersCache, UsersService, UsersResolver],
  exports: [UsersRepository, ActiveUsersCache, UsersService],
})
export class UsersModule {}
