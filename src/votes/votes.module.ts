import { Module } from '@nestjs/common';
import { ResolutionsResolver } from './resolutions.resolver.js';
import { VotesRepository } from './votes.repository.js';
import { VotingRecords } from './voting-records.js';

@Module({
  providers: [VotesRepository, VotingRecords, ResolutionsResolver],
  exports: [VotesRepository, VotingRecords],
})
export class VotesModule {}
