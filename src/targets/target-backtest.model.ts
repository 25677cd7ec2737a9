import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import { State } from '../states/state.model.js';
import { FIRST_BACKTEST_YEAR } from './backtest.js';
import { DEFAULT_BACKTEST_FROM, DEFAULT_HORIZON_YEARS, MAX_HORIZON_YEARS } from './target-backtest.service.js';
import { ScoreReason } from './target.model.js';

@ArgsType()
export class TargetBacktestArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_BACKTEST_FROM,
    description: `The first year: its list is the one of 1 January (${FIRST_BACKTEST_YEAR} at the earliest)`,
  })
  @IsOptional()
  @IsInt()
  @Min(FIRST_BACKTEST_YEAR)
  @Max(9999)
  from: number = DEFAULT_BACKTEST_FROM;

  @Field(() => Int, { defaultValue: DEFAULT_HORIZON_YEARS, description: `Years within which a deposit counts, 1 to ${MAX_HORIZON_YEARS}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HORIZON_YEARS)
  horizonYears: number = DEFAULT_HORIZON_YEARS;
}

@ObjectType('BacktestMetrics', { description: 'How well one ordering of the lists found the States that joined' })
export class BacktestMetrics {
  @Field(() => Float, { description: 'Joiners in the first 10 places (ties at the cut count by their chance of falling inside)' })
  joinersInTop10: number;

  @Field(() => Float, { nullable: true, description: 'Share of the joiners in the first 10 places; null without joiners' })
  shareTop10: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the joiners in the first quarter of the list (ceil(n / 4) places); null without joiners',
  })
  shareTopQuartile: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'ROC AUC: the chance that a joiner ranks above a State that did not join, ties counting half (0.5 is chance); null without both',
  })
  rocAuc: number | null;

  @Field(() => Float, { nullable: true, description: "The joiners' mean place (1 is the top; tied States share their mean place)" })
  meanJoinerRank: number | null;
}

@ObjectType('BacktestOrderings', { description: 'The metrics of the score and of the two baselines' })
export class BacktestOrderings {
  @Field(() => BacktestMetrics, { description: "The target score's public-record factors, as the product weighs them" })
  score: BacktestMetrics;

  @Field(() => BacktestMetrics, { description: 'The share of yes votes alone' })
  yesShare: BacktestMetrics;

  @Field(() => BacktestMetrics, { description: 'A random order: the expected values, computed exactly' })
  random: BacktestMetrics;
}

@ObjectType('TargetBacktestEntry', { description: 'A State on a past year’s list' })
export class TargetBacktestEntry {
  @Field(() => State, {
    description:
      'The State: its treatyStatus is the status on that year’s 1 January; its other fields (votingRecord included) are as they are today',
  })
  state: State;

  @Field(() => Float)
  score: number;

  @Field(() => [ScoreReason], { description: 'The public-record reasons, as known on that day' })
  reasons: ScoreReason[];

  @Field(() => Float, { description: 'Place by score, from 1; tied States share their mean place' })
  rank: number;

  @Field(() => Float, { description: 'Share of yes votes on the resolutions adopted by that day' })
  yesShare: number;

  @Field(() => Float, { description: 'Place by yes share alone' })
  yesShareRank: number;

  @Field(() => DateScalar, { nullable: true, description: 'The deposit of its instrument within the horizon, or null' })
  depositedOn: string | null;
}

@ObjectType('TargetBacktestYear')
export class TargetBacktestYear {
  @Field(() => Int)
  year: number;

  @Field(() => DateScalar, { description: '1 January of the year: the list as the record gave it that day' })
  asOf: string;

  @Field(() => DateScalar, { description: 'The last day a deposit counts' })
  horizonEnd: string;

  @Field(() => Int, { description: 'States not Party that day' })
  candidates: number;

  @Field(() => [TargetBacktestEntry], { description: 'The States that deposited within the horizon, highest score first' })
  joiners: TargetBacktestEntry[];

  @Field(() => [TargetBacktestEntry], { description: 'Every State not Party that day, highest score first (then by name)' })
  entries: TargetBacktestEntry[];

  @Field(() => BacktestOrderings)
  metrics: BacktestOrderings;
}

@ObjectType('TargetBacktestSummary', {
  description: 'Several years pooled: each joiner is compared with the States of its own year’s list',
})
export class TargetBacktestSummary {
  @Field(() => Int)
  firstYear: number;

  @Field(() => Int)
  lastYear: number;

  @Field(() => Int, { description: 'State-years on the lists' })
  candidates: number;

  @Field(() => Int, { description: 'State-years that joined within the horizon' })
  joiners: number;

  @Field(() => BacktestOrderings)
  metrics: BacktestOrderings;
}

@ObjectType('TargetBacktest', {
  description:
    'The target score checked against history: each year’s list as of 1 January, with only what was known then, against the States that deposited an instrument within the horizon',
})
export class TargetBacktest {
  @Field(() => Int)
  from: number;

  @Field(() => Int, { description: 'The last year whose whole horizon the treaty record covers' })
  to: number;

  @Field(() => Int)
  horizonYears: number;

  @Field(() => DateScalar, { description: 'The day the treaty record is known up to' })
  recordAsOf: string;

  @Field(() => [String], { description: 'The factors of the score that take part: those the public record gives for past years' })
  factors: string[];

  @Field(() => Int, { description: 'The weights were fixed on the years up to this one; the later years are held out' })
  fitUntil: number;

  @Field(() => [TargetBacktestYear])
  years: TargetBacktestYear[];

  @Field(() => TargetBacktestSummary, { description: 'Every year' })
  overall: TargetBacktestSummary;

  @Field(() => TargetBacktestSummary, { nullable: true, description: 'The years up to fitUntil' })
  fitted: TargetBacktestSummary | null;

  @Field(() => TargetBacktestSummary, { nullable: true, description: 'The years after fitUntil' })
  heldOut: TargetBacktestSummary | null;
}
