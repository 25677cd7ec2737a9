import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { RatificationStage, TargetOrder, TreatyStatus, VoteChoice } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';
import { StatePlaceFilter } from '../../states/dto/states.args.js';

/** The filters of a target list; the same ones serve the CSV export. All combine with AND. */
@InputType()
export class TargetFilter extends StatePlaceFilter {
  @input.OptionalUuidList({ max: 50, description: 'Only States in one of these groupings' })
  groupingIds?: string[];

  @input.OptionalEnumList(TreatyStatus, { description: 'Default: the States not Party (SIGNATORY, NOT_SIGNED, WITHDRAWN)' })
  treatyStatuses?: TreatyStatus[];

  @input.OptionalEnumList(RatificationStage)
  stages?: RatificationStage[];

  @Field({ nullable: true, description: 'A resolution symbol, such as A/RES/72/54; goes with votes' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  votedOn?: string;

  @input.OptionalEnumList(VoteChoice, { description: 'The choices on votedOn, or on the newest resolution when votedOn is not given' })
  votes?: VoteChoice[];

  @Field(() => Float, { nullable: true, description: 'Share of yes votes, 0 to 1' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'minYesShare must be between 0 and 1' })
  @Max(1, { message: 'minYesShare must be between 0 and 1' })
  minYesShare?: number;

  @Field(() => Int, { nullable: true, description: 'No contact you may see for at least this many days (States never contacted included)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'notContactedForDays must be 0 or more' })
  @Max(36500)
  notContactedForDays?: number;

  @input.OptionalBoolean()
  hasOpenObstacles?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The list as the record gave it on this day: treaty statuses then, the votes known then, the last contact on or before it (default: today)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date such as 2025-12-31' })
  asOf?: string;
}

@ArgsType()
export class TargetsArgs extends PageArgs {
  @input.OptionalNested(TargetFilter)
  filter?: TargetFilter;

  @Field(() => TargetOrder, { defaultValue: TargetOrder.SCORE })
  @IsOptional()
  @IsEnum(TargetOrder)
  orderBy: TargetOrder = TargetOrder.SCORE;
}
