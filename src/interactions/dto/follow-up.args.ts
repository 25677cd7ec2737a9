import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';

@ArgsType()
export class FollowUpsArgs extends PageArgs {
  @input.OptionalDate({ description: 'Only follow-ups due on or before this date' })
  dueBefore?: string;

  @input.OptionalBoolean({ description: 'Only follow-ups due before today' })
  overdueOnly?: boolean;
}

@ArgsType()
export class AwaitingRepliesArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only those sent at least this many days ago (0 to 36500)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  olderThanDays?: number;
}
