import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RegionalGroup, Visibility } from '../../common/enums.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IndicatorMetric, PlannedActivityKind, PlannedActivityStatus } from '../work-plan.enums.js';
import { IsIso3 } from '../../common/iso3.js';

@ArgsType()
export class MandatesArgs extends PageArgs {}

@InputType()
export class StartMandateInput {
  @Field({ description: 'Such as "Universalization coordinators 2026"' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
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

  @Field(() => Visibility, { nullable: true, description: 'Who may read it (default SHARED: partners too)' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => [ID], { nullable: true, description: 'Groupings to work on (its target lists)' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetListIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      'The mandate this one takes over from: its open follow-ups, open obstacles, target lists and unfinished planned activities are carried over. Only its editors (coordinators of its organizations) and admins hand it over: FORBIDDEN otherwise, NOT_FOUND if you may not see it',
  })
  @IsOptional()
  @IsUUID()
  previousMandateId?: string | null;

  @Field({ nullable: true, description: 'With previousMandateId: also carry over its PLANNED activities (default true)' })
  @IsOptional()
  @IsBoolean()
  carryOverActivities?: boolean;
}

@InputType()
export class UpdateMandateInput {
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @IsString()
  periodFrom?: string;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @IsString()
  periodTo?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces its organizations' })
  @OmittableNotNull()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  @Field(() => Visibility, { nullable: true })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => [ID], { nullable: true, description: 'Replaces its target lists' })
  @OmittableNotNull()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetListIds?: string[];
}

@InputType()
export class IndicatorInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  description: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  targetValue?: number | null;

  @Field(() => IndicatorMetric, { nullable: true, description: 'A number of the progress report it follows' })
  @IsOptional()
  @IsEnum(IndicatorMetric)
  metric?: IndicatorMetric | null;
}

@InputType()
export class AddObjectiveInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
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
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
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
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => PlannedActivityKind)
  @IsEnum(PlannedActivityKind)
  kind: PlannedActivityKind;

  @Field(() => DateScalar, { description: 'The day it is planned for, or its first day' })
  plannedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Its last day, for a range' })
  @IsOptional()
  plannedUntil?: string | null;

  @Field(() => RegionalGroup, { nullable: true })
  @IsOptional()
  @IsEnum(RegionalGroup)
  regionalGroup?: RegionalGroup | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => PlannedActivityStatus, { nullable: true, description: 'Default PLANNED' })
  @IsOptional()
  @IsEnum(PlannedActivityStatus)
  status?: PlannedActivityStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Logged interactions that carried it out (you must be able to see them)' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  interactionIds?: string[];
}

@InputType()
export class UpdatePlannedActivityInput {
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title?: string;

  @Field(() => PlannedActivityKind, { nullable: true })
  @OmittableNotNull()
  @IsEnum(PlannedActivityKind)
  kind?: PlannedActivityKind;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  plannedOn?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  plannedUntil?: string | null;

  @Field(() => RegionalGroup, { nullable: true })
  @IsOptional()
  @IsEnum(RegionalGroup)
  regionalGroup?: RegionalGroup | null;

  @Field(() => [String], { nullable: true, description: 'Replaces its States' })
  @OmittableNotNull()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => PlannedActivityStatus, { nullable: true })
  @OmittableNotNull()
  @IsEnum(PlannedActivityStatus)
  status?: PlannedActivityStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces its linked interactions' })
  @OmittableNotNull()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  interactionIds?: string[];
}

/** `Mandate.plannedActivities`: GraphQL checks the enum. */
@ArgsType()
export class PlannedActivitiesArgs {
  @Field(() => [PlannedActivityStatus], { nullable: true })
  statuses?: PlannedActivityStatus[] | null;
}
