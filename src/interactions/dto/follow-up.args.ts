import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';

@ArgsType()
export class FollowUpsArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Only follow-ups due on or before this date' })
  @IsOptional()
  dueBefore?: string;

  @Field({ nullable: true, description: 'Only follow-ups due before today' })
  @IsOptional()
  @IsBoolean()
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
