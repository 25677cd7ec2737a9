import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString } from 'class-validator';
import { ObstacleCategory, ObstacleStatus, Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull } from '../../common/validation.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class RecordObstacleInput {
  @Field({ description: 'ISO3 code of the State that raised it: a State not Party (its treaty record shows no deposit on recordedOn)' })
  @IsIso3()
  stateIso3: string;

  @Field(() => ObstacleCategory)
  @IsEnum(ObstacleCategory)
  category: ObstacleCategory;

  @input.TrimmedText(1, 5000)
  description: string;

  @input.OptionalText(10000)
  measures?: string | null;

  @input.OptionalDate({ description: 'Default: today' })
  recordedOn?: string | null;

  @input.OptionalEnum(Visibility, { description: 'Who sees it at all (default COORDINATORS: coordinators and admins)' })
  visibility?: Visibility;

  @input.MandateOfWork()
  mandateId?: string;
}

/** Every field may be left out (unchanged); measures may be cleared with null. */
@InputType()
export class UpdateObstacleInput {
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @Field(() => String, {
    nullable: true,
    description: 'Moves the obstacle to another State (ISO3 code), one whose treaty record shows no deposit on recordedOn',
  })
  @OmittableNotNull()
  @IsIso3()
  stateIso3?: string;

  @input.OmittableEnum(ObstacleCategory)
  category?: ObstacleCategory;

  @input.OmittableTrimmedText(1, 5000)
  description?: string;

  @input.OptionalText(10000)
  measures?: string | null;

  @input.OmittableDate({ description: 'Not after resolvedOn' })
  recordedOn?: string;

  @input.OmittableEnum(Visibility, { description: 'Who sees it at all; only the organization that recorded it (or an admin) changes it' })
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

  @input.OptionalDate({ description: 'Default: today; not before recordedOn' })
  resolvedOn?: string | null;

  @input.OptionalText(10000, { description: 'When given, replaces the measures' })
  measures?: string | null;
}

@InputType()
export class ObstacleFilter {
  @input.OptionalIso3List({ max: 250 })
  stateIso3s?: string[];

  @input.OptionalEnumList(ObstacleStatus)
  statuses?: ObstacleStatus[];

  @input.OptionalEnumList(ObstacleCategory)
  categories?: ObstacleCategory[];
}

@ArgsType()
export class ObstaclesArgs extends PageArgs {
  @input.OptionalNested(ObstacleFilter)
  filter?: ObstacleFilter;
}
