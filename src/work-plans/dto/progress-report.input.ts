import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { RegionalGroup } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class ProgressReportInput {
  @Field(() => DateScalar, { nullable: true, description: "First day of the period (default: the mandate's)" })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the period (default: the mandate's)" })
  @IsOptional()
  to?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The report as the record gave it on this day: nothing after it counts (default: the end of the period, or today if sooner)',
  })
  @IsOptional()
  asOf?: string | null;

  @Field(() => [RegionalGroup], { nullable: true, description: 'Only States of these regional groups (default: all)' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(RegionalGroup, { each: true })
  regionalGroups?: RegionalGroup[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these States' })
  @IsOptional()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A mandate: its period and organizations become the defaults' })
  @IsOptional()
  @IsUUID()
  mandateId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Count only the interactions of these organizations (default: the mandate's, or every organization)",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizationIds?: string[] | null;
}
