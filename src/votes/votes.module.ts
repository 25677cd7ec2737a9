import { Module } from '@nestjs/common';
import { RecordResolutionResolver } from './record-resolution.resolver.js';
import { RecordResolutionService } from './record-resolution.service.js';
import { ResolutionsResolver } from './resolutions.resolver.js';
import { VoteLoaders } from './vote.loaders.js';
import { VotesRepository } from './votes.repository.js';
import { VotingRecords } from './voting-records.js';

@Module({
  providers: [VotesRepository, VotingRecords, VoteLoaders, ResolutionsResolver, RecordResolutionService, RecordResolutionResolver],
  exports: [VotesRepository, VotingRecords],
})
export class VotesModule {}
