import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { RegionalGroup, Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IndicatorMetric, PlannedActivityKind, PlannedActivityStatus } from '../work-plan.enums.js';

@ArgsType()
export class MandatesArgs extends PageArgs {}

@InputType()
export class StartMandateInput {
  @input.TrimmedText(1, 200, { description: 'Such as "Universalization coordinators 2026"' })
  name: string;

  @Field(() => DateScalar)
  periodFrom: string;

  @Field(() => DateScalar, { description: 'On or after periodFrom' })
  periodTo: string;

  @Field(() => [ID], { description: 'The coordinating organizations (usually two governments)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizationIds: string[];

  @input.OptionalEnum(Visibility, { description: 'Who may read it (default SHARED: partners too)' })
  visibility?: Visibility;

  @input.OptionalUuidList({ max: 100, unique: true, description: 'Groupings to work on (its target lists)' })
  targetListIds?: string[];

  @input.OptionalUuid({
    description:
      'The mandate this one takes over from: its open follow-ups, open obstacles, target lists and unfinished planned activities are carried over. Only its editors (coordinators of its organizations) and admins hand it over: FORBIDDEN otherwise, NOT_FOUND if you may not see it',
  })
  previousMandateId?: string | null;

  @input.OptionalBoolean({ description: 'With previousMandateId: also carry over its PLANNED activities (default true)' })
  carryOverActivities?: boolean;
}

@InputType()
export class UpdateMandateInput {
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 200)
  name?: string;

  @input.OmittableDate()
  periodFrom?: string;

  @input.OmittableDate()
  periodTo?: string;

  @input.OmittableUuidList({ min: 1, max: 10, unique: true, description: 'Replaces its organizations' })
  organizationIds?: string[];

  @input.OmittableEnum(Visibility)
  visibility?: Visibility;

  @input.OmittableUuidList({ max: 100, unique: true, description: 'Replaces its target lists' })
  targetListIds?: string[];
}

@InputType()
export class IndicatorInput {
  @input.TrimmedText(1, 500)
  description: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  targetValue?: number | null;

  @input.OptionalEnum(IndicatorMetric, { description: 'A number of the progress report it follows' })
  metric?: IndicatorMetric | null;
}

@InputType()
export class AddObjectiveInput {
  @input.TrimmedText(1, 300)
  title: string;

  @input.OptionalText(5000)
  description?: string | null;

  @Field(() => [IndicatorInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  indicators?: IndicatorInput[];
}

@InputType()
export class UpdateObjectiveInput {
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 300)
  title?: string;

  @input.OptionalText(5000)
  description?: string | null;

  @Field(() => [IndicatorInput], { nullable: true, description: 'Replaces its indicators' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  indicators?: IndicatorInput[];
}

@InputType()
export class PlanActivityInput {
  @input.TrimmedText(1, 300)
  title: string;

  @Field(() => PlannedActivityKind)
  @IsEnum(PlannedActivityKind)
  kind: PlannedActivityKind;

  @Field(() => DateScalar, { description: 'The day it is planned for, or its first day' })
  plannedOn: string;

  @input.OptionalDate({ description: 'Its last day, for a range' })
  plannedUntil?: string | null;

  @input.OptionalEnum(RegionalGroup)
  regionalGroup?: RegionalGroup | null;

  @input.OptionalIso3List({ max: 250, unique: true })
  stateIso3s?: string[];

  @input.OptionalEnum(PlannedActivityStatus, { description: 'Default PLANNED' })
  status?: PlannedActivityStatus;

  @input.OptionalText(5000)
  notes?: string | null;

  @input.OptionalUuidList({ max: 200, unique: true, description: 'Logged interactions that carried it out (you must be able to see them)' })
  interactionIds?: string[];
}

@InputType()
export class UpdatePlannedActivityInput {
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 300)
  title?: string;

  @input.OmittableEnum(PlannedActivityKind)
  kind?: PlannedActivityKind;

  @input.OmittableDate()
  plannedOn?: string;

  @input.OptionalDate()
  plannedUntil?: string | null;

  @input.OptionalEnum(RegionalGroup)
  regionalGroup?: RegionalGroup | null;

  @input.OmittableIso3List({ max: 250, unique: true, description: 'Replaces its States' })
  stateIso3s?: string[];

  @input.OmittableEnum(PlannedActivityStatus)
  status?: PlannedActivityStatus;

  @input.OptionalText(5000)
  notes?: string | null;

  @input.OmittableUuidList({ max: 200, unique: true, description: 'Replaces its linked interactions' })
  interactionIds?: string[];
}

/** `Mandate.plannedActivities`: GraphQL checks the enum. */
@ArgsType()
export class PlannedActivitiesArgs {
  @Field(() => [PlannedActivityStatus], { nullable: true })
  statuses?: PlannedActivityStatus[] | null;
}
