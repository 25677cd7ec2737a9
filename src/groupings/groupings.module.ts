import { Module } from '@nestjs/common';
import { StatesModule } from '../states/states.module.js';
import { GroupingLoaders } from './grouping.loaders.js';
import { GroupingsRepository } from './groupings.repository.js';
import { GroupingsResolver } from './groupings.resolver.js';
import { GroupingsService } from './groupings.service.js';

@Module({
  imports: [StatesModule],
  providers: [GroupingsRepository, GroupingsService, GroupingLoaders, GroupingsResolver],
  exports: [GroupingsRepository],
})
export class GroupingsModule {}
