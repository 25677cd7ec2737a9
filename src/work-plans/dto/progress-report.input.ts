import { Field, InputType } from '@nestjs/graphql';
import { ArrayUnique, IsEnum, IsOptional } from 'class-validator';
import { RegionalGroup } from '../../common/enums.js';
import * as input from '../../common/fields.js';

@InputType()
export class ProgressReportInput {
  @input.OptionalDate({ description: "First day of the period (default: the mandate's)" })
  from?: string | null;

  @input.OptionalDate({ description: "Last day of the period (default: the mandate's)" })
  to?: string | null;

  @input.OptionalDate({
    description:
      'The report as the record gave it on this day: nothing after it counts (default: the end of the period, or today if sooner)',
  })
  asOf?: string | null;

  @Field(() => [RegionalGroup], { nullable: true, description: 'Only States of these regional groups (default: all)' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(RegionalGroup, { each: true })
  regionalGroups?: RegionalGroup[] | null;

  @input.OptionalIso3List({ max: 250, unique: true, description: 'Only these States' })
  stateIso3s?: string[] | null;

  @input.OptionalUuid({ description: 'A mandate: its period and organizations become the defaults' })
  mandateId?: string | null;

  @input.OptionalUuidList({
    max: 50,
    unique: true,
    description: "Count only the interactions of these organizations (default: the mandate's, or every organization)",
  })
  organizationIds?: string[] | null;
}
