import { VoteChoice } from '../common/enums.js';

export interface RecordedVote {
  choice: VoteChoice;
  adoptedOn: string;
  symbol: string;
}

/** How a State voted on the General Assembly resolutions on the Convention. */
export interface VotingRecord {
  yes: number;
  no: number;
  abstain: number;
  nonVoting: number;
  /** Resolutions held while the State was counted, whether or not it voted. */
  total: number;
  /** yes / total, or 0 when there is no vote. */
  yesShare: number;
  /** The choice on the newest resolution, or null when there is no vote. */
  lastChoice: VoteChoice | null;
  /** YES votes in a row, counting back from the newest resolution. */
  consecutiveYes: number;
}

function newestFirst(a: RecordedVote, b: RecordedVote): number {
  if (a.adoptedOn !== b.adoptedOn) return a.adoptedOn < b.adoptedOn ? 1 : -1;
  if (a.symbol !== b.symbol) return a.symbol < b.symbol ? 1 : -1;
  return 0;
}

export function votingRecord(votes: readonly RecordedVote[]): VotingRecord {
  const count = (choice: VoteChoice) => votes.filter((vote) => vote.choice === choice).length;
  const yes = count(VoteChoice.YES);
  const ordered = [...votes].sort(newestFirst);
  const firstOther = ordered.findIndex((vote) => vote.choice !== VoteChoice.YES);
  return {
    yes,
    no: count(VoteChoice.NO),
    abstain: count(VoteChoice.ABSTAIN),
    nonVoting: count(VoteChoice.NON_VOTING),
    total: votes.length,
    yesShare: votes.length === 0 ? 0 : yes / votes.length,
    lastChoice: ordered[0]?.choice ?? null,
    consecutiveYes: firstOther === -1 ? ordered.length : firstOther,
  };
}
