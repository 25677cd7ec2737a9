import { Module } from '@nestjs/common';
import { ResolutionsResolver } from './resolutions.resolver.js';
import { VotesRepository } from './votes.repository.js';

@Module({
  providers: [VotesRepository, ResolutionsResolver],
  exports: [VotesRepository],
})
export class VotesModule {}
