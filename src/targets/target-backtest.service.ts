import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors.js';
import type { ServedState } from '../states/states.service.js';
import type { State } from '../states/state.model.js';
import { VotingRecords } from '../votes/voting-records.js';
import { backtest, FIRST_BACKTEST_YEAR, lastBacktestYear, type BacktestRecord, type BacktestResult } from './backtest.js';
import type { PublicRecordWeights } from './score.js';
import { TargetsRepository } from './targets.repository.js';

export const DEFAULT_BACKTEST_FROM = 2016;
export const DEFAULT_HORIZON_YEARS = 3;
export const MAX_HORIZON_YEARS = 10;

/** A State on a backtest list: served as of that year's 1 January (its treatyStatus is the status then). */
export type BacktestServedState = State & Pick<ServedState, 'asOf'>;

/**
 * The target score checked against history (see backtest.ts): the public record as the database
 * holds it (treaty dates in force, the votes of the last import), scored by the product's own
 * public-record score.
 */
@Injectable()
export class TargetBacktestService {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly votingRecords: VotingRecords,
  ) {}

  /** The public record the backtest reads, in one statement (the votes are kept in memory by VotingRecords). */
  async record(): Promise<BacktestRecord<State>> {
    const { states, importId, recordAsOf } = await this.targets.backtestRecord();
    if (recordAsOf === null) throw badInput('The treaty record is not loaded yet: load the public data first (npm run import)');
    const votingOf = await this.votingRecords.asOfImport(importId);
    return { states, votesOf: (iso3) => votingOf(iso3).votes, recordAsOf };
  }

  /** The backtest from 1 January of `from` to the last year whose horizon the treaty record covers. */
  async run(
    from = DEFAULT_BACKTEST_FROM,
    horizonYears = DEFAULT_HORIZON_YEARS,
    weights?: PublicRecordWeights,
  ): Promise<BacktestResult<BacktestServedState>> {
    const record = await this.record();
    const to = lastBacktestYear(record.recordAsOf, horizonYears);
    const problems: string[] = [];
    if (!Number.isInteger(horizonYears) || horizonYears < 1 || horizonYears > MAX_HORIZON_YEARS) {
      problems.push(`horizonYears must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}`);
    } else if (!Number.isInteger(from) || from < FIRST_BACKTEST_YEAR || from > to) {
      problems.push(
        to < FIRST_BACKTEST_YEAR
          ? `the treaty record (as of ${record.recordAsOf}) covers no ${horizonYears}-year horizon yet`
          : `from must be a year from ${FIRST_BACKTEST_YEAR} to ${to}: the treaty record is known up to ${record.recordAsOf}, so ${to} is the last year whose ${horizonYears}-year horizon it covers`,
      );
    }
    if (problems.length) throw badInput(`Invalid input: ${problems.join('; ')}`, { problems });
    const result = backtest(record, from, to, horizonYears, weights);
    for (const year of result.years) {
      for (const entry of year.entries) entry.state = { ...entry.state, asOf: year.asOf } as BacktestServedState;
    }
    return result;
  }
}
