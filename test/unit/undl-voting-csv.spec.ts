import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VoteChoice } from '../../src/common/enums.js';
import { readUndlVotingCsv } from '../../src/votes/undl-voting-csv.js';

const FIXTURE = readFileSync(join(process.cwd(), 'test/fixtures/undl-voting-record.csv'), 'utf8');

/** The same four votes in the dataset's first layout (version 1, September 2024): other names, NV for not voting. */
const FIRST_LAYOUT = [
  'undl_id,ms_codes,ms_names,ms_votes,resolutions,title,modality,draft,committee_report,meeting,agenda_titles,subjects,date,yes,no,abstentions,non-voting,total-voting,undl_link',
  ...[
    ['AFG', 'AFGHANISTAN', 'Y'],
    ['DZA', 'ALGERIA', 'A'],
    ['RUS', 'RUSSIAN FEDERATION', 'N'],
    ['USA', 'UNITED STATES', 'Y'],
    ['FRA', 'FRANCE', 'Y'],
    ['AGO', 'ANGOLA', 'NV'],
  ].map(
    ([code, name, vote]) =>
      `9000001,${code},${name},${vote},A/RES/81/999,Implementation of the Convention on Cluster Munitions : resolution / adopted by the General Assembly,Recorded vote,A/C.1/81/L.99,A/81/999,A/81/PV.99,General and complete disarmament,CLUSTER MUNITIONS,2026-12-01,3,1,1,1,6,https://digitallibrary.un.org/record/9000001`,
  ),
].join('\n');

function problemsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { details?: { problems?: string[] } }).details?.problems;
  }
  throw new Error('expected the file to be refused');
}

describe('the UN Digital Library voting-record CSV', () => {
  it('reads the current layout: the resolution, its totals and each Member State vote', () => {
    const input = readUndlVotingCsv(FIXTURE);
    expect({ ...input, votes: undefined }).toEqual({
      symbol: 'A/RES/81/999',
      date: '2026-12-01',
      title: 'Implementation of the Convention on Cluster Munitions',
      yes: 3,
      no: 1,
      abstain: 1,
      nonVoting: 1,
      source: 'https://digitallibrary.un.org/record/9000001',
      votes: undefined,
    });
    expect(input.votes.find((vote) => vote.stateIso3 === 'DZA')?.vote).toBe(VoteChoice.ABSTAIN);
    expect(input.votes.find((vote) => vote.stateIso3 === 'RUS')?.vote).toBe(VoteChoice.NO);
  });

  it('reads the first layout the same way, with NV for not voting', () => {
    const current = readUndlVotingCsv(FIXTURE);
    const first = readUndlVotingCsv(FIRST_LAYOUT);
    expect(first).toEqual({ ...current, votes: expect.any(Array) });
    expect(first.votes).toEqual([
      { stateIso3: 'AFG', vote: VoteChoice.YES },
      { stateIso3: 'DZA', vote: VoteChoice.ABSTAIN },
      { stateIso3: 'RUS', vote: VoteChoice.NO },
      { stateIso3: 'USA', vote: VoteChoice.YES },
      { stateIso3: 'FRA', vote: VoteChoice.YES },
      { stateIso3: 'AGO', vote: VoteChoice.NON_VOTING },
    ]);
  });

  it('names the missing columns of a file that is not a voting record', () => {
    expect(problemsOf(() => readUndlVotingCsv('symbol,iso3,vote\nA/RES/70/54,AFG,Y\n'))).toEqual([
      'missing column ms_code',
      'missing column ms_vote',
      'missing column date',
      'missing column resolution',
      'missing column title',
      'missing column total_yes',
      'missing column total_no',
      'missing column total_abstentions',
      'missing column total_non_voting',
    ]);
  });

  it('refuses a vote it does not know and totals that are not numbers', () => {
    const broken = FIRST_LAYOUT.replace(',RUSSIAN FEDERATION,N,', ',RUSSIAN FEDERATION,MAYBE,').replace(/,3,1,1,1,6,/g, ',three,1,1,1,6,');
    expect(problemsOf(() => readUndlVotingCsv(broken))).toEqual([
      'row 4: ms_vote "MAYBE" is not Y, N, A, X, NV or blank',
      'total_yes must be a whole number, got "three"',
    ]);
  });
});
