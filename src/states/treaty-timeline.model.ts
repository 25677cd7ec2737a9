import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { RegionalGroup } from '../common/enums.js';
import * as input from '../common/fields.js';
import { DateScalar } from '../graphql/scalars.js';

@ObjectType('TreatyTimelinePoint', { description: 'The counts on a date; they hold until the next point' })
export class TreatyTimelinePoint {
  @Field(() => DateScalar)
  date: string;

  @Field(() => Int)
  statesParties: number;

  @Field(() => Int, { description: 'Signed, instrument not yet deposited' })
  signatories: number;

  @Field(() => Int, { description: 'Instrument deposited, the Convention not yet in force for the State (Article 17(2))' })
  deposited: number;

  @Field(() => Int)
  withdrawn: number;
}

@ObjectType('TreatyTimelineSeries')
export class TreatyTimelineSeries {
  @Field(() => RegionalGroup, { nullable: true, description: 'Null: every State' })
  regionalGroup: RegionalGroup | null;

  @Field(() => [TreatyTimelinePoint], { description: 'Oldest first: `from`, each date a count changes, then `to`' })
  points: TreatyTimelinePoint[];
}

@ArgsType()
export class TreatyTimelineArgs {
  @input.OptionalDate({ description: 'Default: 2008-12-03, when the Convention was opened for signature' })
  from?: string;

  @input.OptionalDate({ description: 'Default: today' })
  to?: string;
}
