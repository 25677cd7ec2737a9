import { Module } from '@nestjs/common';
import { StateFieldsResolver } from './state-fields.resolver.js';
import { StatesRepository } from './states.repository.js';
import { StatesResolver } from './states.resolver.js';
import { StatesService } from './states.service.js';

@Module({
  providers: [StatesRepository, StatesService, StatesResolver, StateFieldsResolver],
  exports: [StatesRepository],
})
export class StatesModule {}
