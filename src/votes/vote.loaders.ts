import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey } from '../common/batches.js';
import type { LoaderSource } from '../graphql/loaders.js';
import type { VotingRecord } from './resolution.model.js';
import { votingRecord } from './voting-record.js';
import { VotesRepository, type StateVote } from './votes.repository.js';

/** Each State's votes, and its voting record computed from them. */
@Injectable()
export class VoteLoaders implements LoaderSource {
  constructor(private readonly votes: VotesRepository) {}

  forRequest() {
    const votesByState = new DataLoader<string, StateVote[]>(async (iso3s) => {
      const groups = groupByKey(await this.votes.byStates(iso3s), (v) => v.stateIso3);
      return iso3s.map((iso3) => groups.get(iso3) ?? []);
    });
    return {
      votesByState,
      /** Computed from votesByState, unless a list that already has it primed it (the targets). */
      votingRecord: new DataLoader<string, VotingRecord>(async (iso3s) => {
        const votes = await votesByState.loadMany(iso3s);
        return votes.map((stateVotes) =>
          stateVotes instanceof Error
            ? stateVotes
            : votingRecord(stateVotes.map((v) => ({ choice: v.choice, adoptedOn: v.resolution.adoptedOn, symbol: v.resolution.symbol }))),
        );
      }),
    };
  }
}
