import { Args, Query, Resolver } from '@nestjs/graphql';
import { FIT_UNTIL_YEAR } from './backtest.js';
import { PUBLIC_RECORD_FACTORS } from './score.js';
import { TargetBacktest, TargetBacktestArgs } from './target-backtest.model.js';
import { TargetBacktestService } from './target-backtest.service.js';

@Resolver()
export class TargetBacktestResolver {
  constructor(private readonly service: TargetBacktestService) {}

  @Query(() => TargetBacktest, {
    description:
      'How well the target score would have ranked the States that joined: for each year from `from`, the list as of 1 January with only what was known then, against the deposits within `horizonYears`; with two baselines (yes share alone, random order)',
  })
  async targetBacktest(@Args() args: TargetBacktestArgs): Promise<TargetBacktest> {
    const result = await this.service.run(args.from, args.horizonYears);
    return {
      ...result,
      factors: [...PUBLIC_RECORD_FACTORS],
      fitUntil: FIT_UNTIL_YEAR,
      years: result.years.map((year) => ({
        ...year,
        candidates: year.entries.length,
        joiners: year.entries.filter((entry) => entry.depositedOn !== null),
      })),
    };
  }
}
