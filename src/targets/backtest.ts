/**
 * The target backtest: for each past year, the targets as of 1 January with only what was known
 * then (treaty status on that day, the votes adopted by then), scored by the product's own
 * public-record score, against the States that then deposited an instrument within the horizon.
 * Pure functions: the data comes from TargetBacktestService (or a test).
 */
import { TreatyStatus } from '../common/enums.js';
import { treatyStatus, type TreatyDates } from '../states/treaty-status.js';
import { votingRecord, type RecordedVote } from '../votes/voting-record.js';
import { scorePublicRecord, WEIGHTS, type PublicRecordWeights, type ScoreReason } from './score.js';

/** The list's statuses: the States not Party (as targets lists them by default). */
const CANDIDATE_STATUSES: readonly TreatyStatus[] = [TreatyStatus.SIGNATORY, TreatyStatus.NOT_SIGNED, TreatyStatus.WITHDRAWN];

/** The first year the backtest may start: the Convention was opened for signature on 3 December 2008. */
export const FIRST_BACKTEST_YEAR = 2009;
/** The weights are fitted on the years up to this one; the later years are held out. */
export const FIT_UNTIL_YEAR = 2020;

export interface BacktestState extends TreatyDates {
  iso3: string;
  name: string;
}

export interface BacktestRecord<S extends BacktestState = BacktestState> {
  states: S[];
  /** A State's votes on every resolution, newest first (the backtest keeps those adopted by each year's date). */
  votesOf: (iso3: string) => readonly RecordedVote[];
  /** The last day the treaty record is known for: deposits after it are not in the data yet. */
  recordAsOf: string;
}

/** How well one ordering found the joiners. */
export interface RankMetrics {
  /** Joiners expected in the first 10 (ties at the cut count by their chance of falling inside). */
  joinersInTop10: number;
  /** Share of the joiners in the first 10, or null without joiners. */
  shareTop10: number | null;
  /** Share of the joiners in the first quarter of the list (ceil(n / 4) places), or null without joiners. */
  shareTopQuartile: number | null;
  /** ROC AUC: the chance that a joiner ranks above a State that did not join (ties count half); null without both. */
  rocAuc: number | null;
  /** The joiners' mean rank (1 is the top; tied States share their mean place), or null without joiners. */
  meanJoinerRank: number | null;
}

/** The sums that several lists' metrics are pooled from. */
interface MetricSums {
  joiners: number;
  inTop10: number;
  inTopQuartile: number;
  /** Pairs (joiner, non-joiner) with the joiner above, ties counting half; and all such pairs. */
  concordant: number;
  pairs: number;
  rankSum: number;
}

export interface BacktestEntry<S extends BacktestState = BacktestState> {
  state: S;
  score: number;
  reasons: ScoreReason[];
  /** Place by score, 1 the top; tied States share their mean place. */
  rank: number;
  yesShare: number;
  /** Place by yes share alone. */
  yesShareRank: number;
  /** The deposit within the horizon, or null. */
  depositedOn: string | null;
}

export interface BacktestOrderings<T> {
  score: T;
  yesShare: T;
  random: T;
}

export interface BacktestYear<S extends BacktestState = BacktestState> {
  year: number;
  /** 1 January of the year: the list as it stood that day. */
  asOf: string;
  /** The last day a deposit counts. */
  horizonEnd: string;
  /** The States not Party that day, highest score first (then by name). */
  entries: BacktestEntry<S>[];
  metrics: BacktestOrderings<RankMetrics>;
  sums: BacktestOrderings<MetricSums>;
}

export interface BacktestSummary {
  firstYear: number;
  lastYear: number;
  years: number;
  /** State-years on the lists. */
  candidates: number;
  /** State-years that joined within the horizon. */
  joiners: number;
  metrics: BacktestOrderings<RankMetrics>;
}

export interface BacktestResult<S extends BacktestState = BacktestState> {
  from: number;
  to: number;
  horizonYears: number;
  recordAsOf: string;
  years: BacktestYear<S>[];
  overall: BacktestSummary;
  /** The years up to FIT_UNTIL_YEAR (the weights were fixed on them), or null. */
  fitted: BacktestSummary | null;
  /** The years after FIT_UNTIL_YEAR, or null. */
  heldOut: BacktestSummary | null;
}

/** The last year whose whole horizon the treaty record covers. */
export function lastBacktestYear(recordAsOf: string, horizonYears: number): number {
  const year = Number(recordAsOf.slice(0, 4));
  // The horizon of year Y ends on 31 December of Y + horizon - 1.
  return recordAsOf.slice(5) === '12-31' ? year - horizonYears + 1 : year - horizonYears;
}

/**
 * Each item's place when sorted by `value`, highest first, ties sharing their mean place; and for
 * each item, the chance it falls within the first `k` places when ties are broken at random.
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    const mean = (start + 1 + end + 1) / 2;
    for (let i = start; i <= end; i++) ranks[order[i].index] = mean;
    start = end + 1;
  }
  return ranks;
}

/** For each item, the chance of being among the first `k` (highest values) when ties fall in random order. */
export function chanceInTop(values: readonly number[], k: number): number[] {
  return values.map((value) => {
    const above = values.filter((other) => other > value).length;
    const tied = values.filter((other) => other === value).length;
    return Math.max(0, Math.min(tied, k - above)) / tied;
  });
}

/** The first quarter of a list of n: ceil(n / 4) places. */
export const quartileSize = (n: number) => Math.ceil(n / 4);

function sumsOf(values: readonly number[], joined: readonly boolean[]): MetricSums {
  const n = values.length;
  const ranks = averageRanks(values);
  const top10 = chanceInTop(values, 10);
  const topQuartile = chanceInTop(values, quartileSize(n));
  const sums: MetricSums = { joiners: 0, inTop10: 0, inTopQuartile: 0, concordant: 0, pairs: 0, rankSum: 0 };
  for (let i = 0; i < n; i++) {
    if (!joined[i]) continue;
    sums.joiners++;
    sums.inTop10 += top10[i];
    sums.inTopQuartile += topQuartile[i];
    sums.rankSum += ranks[i];
  }
  const others = n - sums.joiners;
  // Mann-Whitney: with ranks counted from the bottom (n + 1 - rank), the joiners' rank sum less its
  // least possible value is the number of pairs the joiner wins, ties counting half.
  const fromBottom = sums.joiners * (n + 1) - sums.rankSum;
  sums.concordant = fromBottom - (sums.joiners * (sums.joiners + 1)) / 2;
  sums.pairs = sums.joiners * others;
  return sums;
}

/** The expected sums for the same list in random order: exact, not sampled. */
function randomSums(n: number, joiners: number): MetricSums {
  return {
    joiners,
    inTop10: n === 0 ? 0 : (joiners * Math.min(10, n)) / n,
    inTopQuartile: n === 0 ? 0 : (joiners * quartileSize(n)) / n,
    concordant: (joiners * (n - joiners)) / 2,
    pairs: joiners * (n - joiners),
    rankSum: (joiners * (n + 1)) / 2,
  };
}

function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return {
    joiners: a.joiners + b.joiners,
    inTop10: a.inTop10 + b.inTop10,
    inTopQuartile: a.inTopQuartile + b.inTopQuartile,
    concordant: a.concordant + b.concordant,
    pairs: a.pairs + b.pairs,
    rankSum: a.rankSum + b.rankSum,
  };
}

/** The metrics from their sums: pooled over several years, each pair of a joiner and a non-joiner compared within its year. */
export function metricsOf(sums: MetricSums): RankMetrics {
  const share = (count: number) => (sums.joiners === 0 ? null : count / sums.joiners);
  return {
    joinersInTop10: sums.inTop10,
    shareTop10: share(sums.inTop10),
    shareTopQuartile: share(sums.inTopQuartile),
    rocAuc: sums.pairs === 0 ? null : sums.concordant / sums.pairs,
    meanJoinerRank: share(sums.rankSum),
  };
}

/** Several lists' orderings pooled (see summarize): each list is a year's values (higher first) and who joined. */
export function pooledRankMetrics(lists: readonly { values: readonly number[]; joined: readonly boolean[] }[]): RankMetrics {
  return metricsOf(lists.map(({ values, joined }) => sumsOf(values, joined)).reduce(addSums));
}

/** How one ordering (higher value first) found the joiners. */
export function rankMetrics(values: readonly number[], joined: readonly boolean[]): RankMetrics {
  return metricsOf(sumsOf(values, joined));
}

/** The expected metrics of a random order of n States of which `joiners` joined. */
export function randomMetrics(n: number, joiners: number): RankMetrics {
  return metricsOf(randomSums(n, joiners));
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The list as of 1 January of `year`, scored with `weights`, and who joined within the horizon. */
export function backtestYear<S extends BacktestState>(
  record: BacktestRecord<S>,
  year: number,
  horizonYears: number,
  weights: PublicRecordWeights = WEIGHTS,
): BacktestYear<S> {
  const asOf = `${year}-01-01`;
  const horizonEnd = dayBefore(`${year + horizonYears}-01-01`);
  const scored = record.states
    .map((state) => ({ state, status: treatyStatus(state, asOf) }))
    .filter(({ status }) => CANDIDATE_STATUSES.includes(status))
    .map(({ state, status }) => {
      // Only the votes adopted by that day, as `targets(filter: { asOf })` counts them.
      const known = record.votesOf(state.iso3).filter((vote) => vote.adoptedOn <= asOf);
      const votes = votingRecord(known);
      const { score, reasons } = scorePublicRecord(
        {
          treatyStatus: status,
          signatureDate: state.signatureDate,
          withdrawalDate: state.withdrawalDate,
          votes: {
            yes: votes.yes,
            total: votes.total,
            consecutiveYes: votes.consecutiveYes,
            lastChoice: votes.lastChoice,
            lastSymbol: known[0]?.symbol ?? null,
          },
        },
        weights,
      );
      const deposited = state.consentDate !== null && state.consentDate >= asOf && state.consentDate <= horizonEnd;
      return { state, score, reasons, yesShare: votes.yesShare, depositedOn: deposited ? state.consentDate : null };
    })
    .sort((a, b) => b.score - a.score || (a.state.name < b.state.name ? -1 : a.state.name > b.state.name ? 1 : 0));

  const joined = scored.map((entry) => entry.depositedOn !== null);
  const scores = scored.map((entry) => entry.score);
  const shares = scored.map((entry) => entry.yesShare);
  const scoreRanks = averageRanks(scores);
  const shareRanks = averageRanks(shares);
  const sums: BacktestOrderings<MetricSums> = {
    score: sumsOf(scores, joined),
    yesShare: sumsOf(shares, joined),
    random: randomSums(scored.length, joined.filter(Boolean).length),
  };
  return {
    year,
    asOf,
    horizonEnd,
    entries: scored.map((entry, i) => ({ ...entry, rank: scoreRanks[i], yesShareRank: shareRanks[i] })),
    metrics: { score: metricsOf(sums.score), yesShare: metricsOf(sums.yesShare), random: metricsOf(sums.random) },
    sums,
  };
}

/** The years pooled: every pair of a joiner and a non-joiner is compared within its own year's list. */
export function summarize(years: readonly BacktestYear<BacktestState>[]): BacktestSummary | null {
  if (years.length === 0) return null;
  const pool = (key: keyof BacktestOrderings<unknown>) => metricsOf(years.map((y) => y.sums[key]).reduce(addSums));
  return {
    firstYear: years[0].year,
    lastYear: years[years.length - 1].year,
    years: years.length,
    candidates: years.reduce((sum, y) => sum + y.entries.length, 0),
    joiners: years.reduce((sum, y) => sum + y.sums.score.joiners, 0),
    metrics: { score: pool('score'), yesShare: pool('yesShare'), random: pool('random') },
  };
}

/** The backtest over the years `from`..`to` (see backtestYear). */
export function backtest<S extends BacktestState>(
  record: BacktestRecord<S>,
  from: number,
  to: number,
  horizonYears: number,
  weights: PublicRecordWeights = WEIGHTS,
): BacktestResult<S> {
  const years: BacktestYear<S>[] = [];
  for (let year = from; year <= to; year++) years.push(backtestYear(record, year, horizonYears, weights));
  return {
    from,
    to,
    horizonYears,
    recordAsOf: record.recordAsOf,
    years,
    overall: summarize(years)!,
    fitted: summarize(years.filter((y) => y.year <= FIT_UNTIL_YEAR)),
    heldOut: summarize(years.filter((y) => y.year > FIT_UNTIL_YEAR)),
  };
}
