import { Module } from '@nestjs/common';
import { StageChangeResolver } from './stage-change.resolver.js';
import { StateFieldsResolver, StateInteractionsResolver } from './state-fields.resolver.js';
import { StateDetailRepository } from './state-detail.repository.js';
import { StateLoaders } from './state.loaders.js';
import { StatesRepository } from './states.repository.js';
import { StatesResolver } from './states.resolver.js';
import { StatesService } from './states.service.js';

@Module({
  providers: [
    StatesRepository,
    StateDetailRepository,
    StatesService,
    StateLoaders,
    StatesResolver,
    StateFieldsResolver,
    StateInteractionsResolver,
    StageChangeResolver,
  ],
  exports: [StatesRepository],
})
export class StatesModule {}
