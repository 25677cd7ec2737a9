import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { ObstacleCategory, ObstacleStatus, Visibility } from '../../common/enums.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class RecordObstacleInput {
  @Field({ description: 'ISO3 code of the State that raised it: a State not Party (its treaty record shows no deposit on recordedOn)' })
  @IsIso3()
  stateIso3: string;

  @Field(() => ObstacleCategory)
  @IsEnum(ObstacleCategory)
  category: ObstacleCategory;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  description: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  measures?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Default: today' })
  @IsOptional()
  recordedOn?: string | null;

  @Field(() => Visibility, { nullable: true, description: 'Who sees it at all (default COORDINATORS: coordinators and admins)' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => ID, {
    nullable: true,
    description:
      "The mandate whose work this is: its organizations share it (see MANDATE visibility). Yours to edit. Default: none, or with MANDATE visibility your organization's current mandate",
  })
  @IsOptional()
  @IsUUID('all')
  mandateId?: string;
}

/** Every field may be left out (unchanged); measures may be cleared with null. */
@InputType()
export class UpdateObstacleInput {
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, {
    nullable: true,
    description: 'Moves the obstacle to another State (ISO3 code), one whose treaty record shows no deposit on recordedOn',
  })
  @OmittableNotNull()
  @IsIso3()
  stateIso3?: string;

  @Field(() => ObstacleCategory, { nullable: true })
  @OmittableNotNull()
  @IsEnum(ObstacleCategory)
  category?: ObstacleCategory;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  measures?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not after resolvedOn' })
  @OmittableNotNull()
  @IsString()
  recordedOn?: string;

  @Field(() => Visibility, {
    nullable: true,
    description: 'Who sees it at all; only the organization that recorded it (or an admin) changes it',
  })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@ArgsType()
export class ResolveObstacleArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: 'Default: today; not before recordedOn' })
  @IsOptional()
  resolvedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'When given, replaces the measures' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  measures?: string | null;
}

@InputType()
export class ObstacleFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(250)
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => [ObstacleStatus], { nullable: true })
  @IsOptional()
  @IsEnum(ObstacleStatus, { each: true })
  statuses?: ObstacleStatus[];

  @Field(() => [ObstacleCategory], { nullable: true })
  @IsOptional()
  @IsEnum(ObstacleCategory, { each: true })
  categories?: ObstacleCategory[];
}

@ArgsType()
export class ObstaclesArgs extends PageArgs {
  @Field(() => ObstacleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObstacleFilter)
  filter?: ObstacleFilter;
}
