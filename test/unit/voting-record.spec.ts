import { VoteChoice } from '../../src/common/enums.js';
import { votingRecord, type RecordedVote } from '../../src/votes/voting-record.js';

const { YES, NO, ABSTAIN, NON_VOTING } = VoteChoice;

function vote(symbol: string, adoptedOn: string, choice: VoteChoice): RecordedVote {
  return { symbol, adoptedOn, choice };
}

const HISTORY = [
  vote('A/RES/70/54', '2015-12-07', ABSTAIN),
  vote('A/RES/71/45', '2016-12-05', NO),
  vote('A/RES/72/54', '2017-12-04', NON_VOTING),
  vote('A/RES/73/54', '2018-12-05', YES),
  vote('A/RES/74/62', '2019-12-12', YES),
  vote('A/RES/75/62', '2020-12-07', YES),
];

describe('votingRecord', () => {
  it('orders by adoption date before symbol', () => {
    // The older resolution has the greater symbol: the date decides which is the newest.
    const votes = [vote('A/RES/9/1', '2009-12-01', NO), vote('A/RES/10/1', '2010-12-01', YES)];
    expect(votingRecord(votes)).toMatchObject({ lastChoice: YES, consecutiveYes: 1 });
    expect(votingRecord([...votes].reverse())).toMatchObject({ lastChoice: YES, consecutiveYes: 1 });
    // On the same day, the greater symbol is the newer.
    const sameDay = [vote('A/RES/10/1', '2010-12-01', NO), vote('A/RES/10/2', '2010-12-01', YES)];
    expect(votingRecord(sameDay)).toMatchObject({ lastChoice: YES, consecutiveYes: 1 });
    expect(votingRecord([...sameDay].reverse())).toMatchObject({ lastChoice: YES, consecutiveYes: 1 });
  });

  it('is empty without votes', () => {
    expect(votingRecord([])).toEqual({
      yes: 0,
      no: 0,
      abstain: 0,
      nonVoting: 0,
      total: 0,
      yesShare: 0,
      lastChoice: null,
      consecutiveYes: 0,
    });
  });

  it('counts every resolution held, non-voting included', () => {
    expect(votingRecord(HISTORY)).toEqual({
      yes: 3,
      no: 1,
      abstain: 1,
      nonVoting: 1,
      total: 6,
      yesShare: 0.5,
      lastChoice: YES,
      consecutiveYes: 3,
    });
  });

  it('does not depend on the order of its input', () => {
    const shuffled = [HISTORY[4], HISTORY[0], HISTORY[5], HISTORY[2], HISTORY[1], HISTORY[3]];
    expect(votingRecord(shuffled)).toEqual(votingRecord(HISTORY));
    expect(votingRecord([...HISTORY].reverse())).toEqual(votingRecord(HISTORY));
  });

  it('stops the yes streak at the newest vote that is not yes', () => {
    const record = votingRecord([...HISTORY, vote('A/RES/76/47', '2021-12-06', NON_VOTING)]);
    expect(record.lastChoice).toBe(NON_VOTING);
    expect(record.consecutiveYes).toBe(0);
  });

  it('counts a streak that runs through the whole record', () => {
    const record = votingRecord(HISTORY.slice(3));
    expect(record).toMatchObject({ yes: 3, total: 3, yesShare: 1, consecutiveYes: 3, lastChoice: YES });
  });

  it('orders votes adopted on the same day by symbol', () => {
    const sameDay = [vote('A/RES/79/59', '2024-12-02', NO), vote('A/RES/79/58', '2024-12-02', YES)];
    expect(votingRecord(sameDay).lastChoice).toBe(NO);
    expect(votingRecord([...sameDay].reverse()).lastChoice).toBe(NO);
  });
});
