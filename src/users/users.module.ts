import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { loadRedis } from '../common/redis.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ACCOUNT_CHANGES, LocalAccountChanges, RedisAccountChanges, type AccountChanges } from './account-changes.js';
import { ActiveUsersCache } from './active-users.cache.js';
import { UserLoaders } from './user.loaders.js';
import { UsersRepository } from './users.repository.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [OrganizationsModule],
  providers: [
    {
      provide: ACCOUNT_CHANGES,
      inject: [CONFIG],
      useFactory: async (config: AppConfig): Promise<AccountChanges> =>
        config.redisUrl ? new RedisAccountChanges(config.redisUrl, await loadRedis()) : new LocalAccountChanges(),
    },
    UsersRepository,
    ActiveUsersCache,
    UsersService,
    UserLoaders,
    UsersResolver,
  ],
  exports: [UsersRepository, ActiveUsersCache, UsersService],
})
export class UsersModule {}
