import { TreatyStatus, VoteChoice } from '../../src/common/enums.js';
import {
  averageRanks,
  backtest,
  backtestYear,
  chanceInTop,
  lastBacktestYear,
  pooledRankMetrics,
  randomMetrics,
  rankMetrics,
  type BacktestRecord,
} from '../../src/targets/backtest.js';
import type { PublicRecordWeights } from '../../src/targets/score.js';
import type { RecordedVote } from '../../src/votes/voting-record.js';

describe('backtest metrics on a hand-checked list', () => {
  // Highest first: 9 (joined), 7 (no), 7 (joined), 5, 3, 1 (joined).
  const values = [9, 7, 7, 5, 3, 1];
  const joined = [true, false, true, false, false, true];

  it('gives tied States their mean place', () => {
    expect(averageRanks(values)).toEqual([1, 2.5, 2.5, 4, 5, 6]);
    expect(averageRanks([1, 3, 3, 3])).toEqual([4, 2, 2, 2]);
  });

  it('counts a tie at the cut by its chance of falling inside', () => {
    // Two places: 9 takes one, the two 7s share the other.
    expect(chanceInTop(values, 2)).toEqual([1, 0.5, 0.5, 0, 0, 0]);
    expect(chanceInTop([5, 5, 5], 1)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('computes the shares, the mean rank and the ROC AUC with ties counting half', () => {
    // Pairs won by joiners: 9 beats 7, 5, 3 (3); 7 ties 7 (0.5) and beats 5, 3 (2); 1 beats none: 5.5 of 3 × 3.
    expect(rankMetrics(values, joined)).toEqual({
      joinersInTop10: 3,
      shareTop10: 1,
      // The first quarter is ceil(6 / 4) = 2 places: the 9, and half a chance for the joining 7.
      shareTopQuartile: 1.5 / 3,
      rocAuc: 5.5 / 9,
      meanJoinerRank: (1 + 2.5 + 6) / 3,
    });
  });

  it('counts only the first ten places in a longer list', () => {
    const twelve = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const first = twelve.map((_, i) => i === 0 || i === 11);
    expect(rankMetrics(twelve, first)).toEqual({
      joinersInTop10: 1,
      shareTop10: 0.5,
      shareTopQuartile: 0.5,
      rocAuc: 10 / 20,
      meanJoinerRank: 6.5,
    });
  });

  it('gives the exact expected values of a random order', () => {
    expect(randomMetrics(6, 3)).toEqual({ joinersInTop10: 3, shareTop10: 1, shareTopQuartile: 2 / 6, rocAuc: 0.5, meanJoinerRank: 3.5 });
    expect(randomMetrics(40, 4)).toEqual({
      joinersInTop10: 1,
      shareTop10: 0.25,
      shareTopQuartile: 0.25,
      rocAuc: 0.5,
      meanJoinerRank: 20.5,
    });
  });

  it('leaves undefined what a list without joiners (or without others) cannot say', () => {
    expect(rankMetrics([3, 2, 1], [false, false, false])).toEqual({
      joinersInTop10: 0,
      shareTop10: null,
      shareTopQuartile: null,
      rocAuc: null,
      meanJoinerRank: null,
    });
    expect(rankMetrics([3, 2], [true, true]).rocAuc).toBeNull();
  });
});

describe('backtest years', () => {
  const R1 = { symbol: 'A/RES/70/54', adoptedOn: '2015-12-07' };
  const R2 = { symbol: 'A/RES/71/45', adoptedOn: '2016-12-05' };
  const vote = (resolution: typeof R1, choice: VoteChoice): RecordedVote => ({ ...resolution, choice });
  const undated = { signatureDate: null, consentDate: null, withdrawalDate: null };
  const states = [
    { iso3: 'AAA', name: 'Aland', ...undated, signatureDate: '2008-12-03', consentDate: '2016-06-01' },
    { iso3: 'BBB', name: 'Bland', ...undated },
    { iso3: 'CCC', name: 'Cland', ...undated, consentDate: '2017-03-01' },
    { iso3: 'DDD', name: 'Dland', ...undated, signatureDate: '2008-12-03', consentDate: '2010-01-01' },
    { iso3: 'EEE', name: 'Eland', ...undated },
  ];
  // Newest first, as VotingRecords keeps them.
  const votes: Record<string, RecordedVote[]> = {
    AAA: [vote(R2, VoteChoice.YES), vote(R1, VoteChoice.YES)],
    BBB: [vote(R2, VoteChoice.NO), vote(R1, VoteChoice.YES)],
    CCC: [vote(R2, VoteChoice.YES), vote(R1, VoteChoice.ABSTAIN)],
    DDD: [vote(R2, VoteChoice.YES), vote(R1, VoteChoice.YES)],
  };
  const record: BacktestRecord = { states, votesOf: (iso3) => votes[iso3] ?? [], recordAsOf: '2018-02-01' };
  const weights: PublicRecordWeights = {
    yesShare: 10,
    consecutiveYes: 1,
    consecutiveYesCap: 10,
    lastChoice: { [VoteChoice.YES]: 2, [VoteChoice.ABSTAIN]: 0, [VoteChoice.NON_VOTING]: -1, [VoteChoice.NO]: -5 },
    treatyStatus: {
      [TreatyStatus.SIGNATORY]: 20,
      [TreatyStatus.NOT_SIGNED]: 0,
      [TreatyStatus.WITHDRAWN]: -10,
      [TreatyStatus.DEPOSITED]: 0,
      [TreatyStatus.STATE_PARTY]: 0,
    },
  };
  const scores = (year: ReturnType<typeof backtestYear>) => year.entries.map((e) => [e.state.iso3, e.score, e.rank, e.depositedOn]);

  it('scores the States not Party of 1 January with the votes adopted by then, and finds who deposited within the horizon', () => {
    const y2016 = backtestYear(record, 2016, 1, weights);
    expect(y2016.asOf).toBe('2016-01-01');
    expect(y2016.horizonEnd).toBe('2016-12-31');
    // Only A/RES/70/54 was adopted: AAA 10 + 1 + 2 + 20, BBB 10 + 1 + 2, CCC abstained, EEE never voted.
    expect(scores(y2016)).toEqual([
      ['AAA', 33, 1, '2016-06-01'],
      ['BBB', 13, 2, null],
      ['CCC', 0, 3.5, null],
      ['EEE', 0, 3.5, null],
    ]);
    expect(y2016.entries[1].reasons.map((r) => r.detail)).toContain('Voted yes on 1 of 1 resolution (100%)');
    expect(y2016.metrics.score.rocAuc).toBe(1);

    const twoYears = backtestYear(record, 2016, 2, weights);
    // CCC joins in 2017, tied with EEE: it wins half of that pair and loses to BBB.
    expect(twoYears.metrics.score).toEqual({
      joinersInTop10: 2,
      shareTop10: 1,
      shareTopQuartile: 0.5,
      rocAuc: 2.5 / 4,
      meanJoinerRank: 2.25,
    });
    // By yes share (AAA 1, BBB 1, CCC 0, EEE 0), AAA ties BBB and beats EEE, CCC loses to BBB and ties EEE.
    expect(twoYears.metrics.yesShare.rocAuc).toBe(2 / 4);
    expect(twoYears.metrics.random).toEqual({ joinersInTop10: 2, shareTop10: 1, shareTopQuartile: 0.25, rocAuc: 0.5, meanJoinerRank: 2.5 });

    // 2017: AAA has deposited; both resolutions are known. CCC: 5 + 1 + 2; BBB: 5 + 0 - 5.
    const y2017 = backtestYear(record, 2017, 1, weights);
    expect(scores(y2017)).toEqual([
      ['CCC', 8, 1, '2017-03-01'],
      ['BBB', 0, 2.5, null],
      ['EEE', 0, 2.5, null],
    ]);
  });

  it('runs to the last year whose horizon the record covers, and pools the years pair by pair within each year', () => {
    expect(lastBacktestYear('2026-02-03', 3)).toBe(2023);
    expect(lastBacktestYear('2025-12-31', 3)).toBe(2023);
    expect(lastBacktestYear('2025-12-30', 3)).toBe(2022);
    const result = backtest(record, 2016, 2017, 1, weights);
    expect(result.years.map((y) => y.year)).toEqual([2016, 2017]);
    // 2016: 3 of 3 pairs; 2017: 2 of 2.
    expect(result.overall).toMatchObject({ years: 2, candidates: 7, joiners: 2 });
    expect(result.overall.metrics.score.rocAuc).toBe(1);
    expect(result.overall.metrics.score.shareTopQuartile).toBe(1);
    // The same pooling from the lists' values (as a factor tried on the same lists is measured).
    const lists = result.years.map((y) => ({
      values: y.entries.map((e) => e.score),
      joined: y.entries.map((e) => e.depositedOn !== null),
    }));
    expect(pooledRankMetrics(lists)).toEqual(result.overall.metrics.score);
    // Random: a quarter of 4 is 1 place (1/4), of 3 also 1 place (1/3).
    expect(result.overall.metrics.random.shareTopQuartile).toBeCloseTo((1 / 4 + 1 / 3) / 2, 12);
  });

  it('lets no later vote or deposit into an earlier year: moving a deposit changes only the years from it on', () => {
    const before = backtest(record, 2016, 2017, 1, weights);
    // CCC deposits a year earlier, on 1 March 2016.
    const moved = { ...record, states: states.map((s) => (s.iso3 === 'CCC' ? { ...s, consentDate: '2016-03-01' } : s)) };
    const after = backtest(moved, 2016, 2017, 1, weights);
    const listOf = (year: (typeof before.years)[number]) => year.entries.map((e) => [e.state.iso3, e.score, e.reasons]);
    expect(listOf(after.years[0])).toEqual(listOf(before.years[0]));
    expect(listOf(after.years[1])).not.toEqual(listOf(before.years[1]));
    expect(after.years[1].entries.map((e) => e.state.iso3)).toEqual(['BBB', 'EEE']);
  });
});
