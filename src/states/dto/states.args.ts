import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ObstacleStatus, RatificationStage, RegionalGroup, TreatyStatus, Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';

/** Where a State is and what it is called: the filters that lists of States share. */
@InputType({ isAbstract: true })
export abstract class StatePlaceFilter {
  @input.OptionalEnumList(RegionalGroup)
  regionalGroups?: RegionalGroup[];

  @Field(() => [String], {
    nullable: true,
    description:
      'UN M49 sub-regions, such as "Melanesia" or "Sub-Saharan Africa" (any case); an unknown name is refused with the valid ones',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  subregions?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'UN M49 intermediate regions: Caribbean, Central America, South America, Eastern Africa, Middle Africa, Southern Africa, Western Africa (any case; "the Caribbean", "East Africa" also read); an unknown name is refused with the valid ones',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  intermediateRegions?: string[];

  @input.OptionalTrimmedText(1, 100, {
    description:
      'An ISO3 or ISO2 code (the whole search), or words of the name or of a former or short name, in any case and with or without accents; closest first',
  })
  search?: string;
}

@InputType()
export class StateFilter extends StatePlaceFilter {
  @input.OptionalEnumList(TreatyStatus, { description: 'Treaty status on asOf' })
  treatyStatuses?: TreatyStatus[];

  @input.OptionalBoolean()
  unMember?: boolean;

  @input.OptionalDate({ description: 'The date treaty status is computed for (default: today)' })
  asOf?: string;
}

@ArgsType()
export class StatesArgs extends PageArgs {
  @input.OptionalNested(StateFilter)
  filter?: StateFilter;
}

@ArgsType()
export class SetRatificationStageArgs {
  @Field()
  @IsString()
  @Length(3, 3)
  iso3: string;

  @Field(() => RatificationStage)
  @IsEnum(RatificationStage)
  stage: RatificationStage;

  @input.OptionalText(2000, { description: 'Why the stage moved' })
  note?: string;

  @input.OptionalEnum(Visibility, {
    description: 'Who reads the note and who moved the stage (every user sees the stage itself). Default COORDINATORS',
  })
  visibility?: Visibility;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change is rejected with CONFLICT unless the State is still at this version',
  })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;

  @input.OptionalDate({
    description:
      "The day the move took effect (default today): not in the future, not before the State's previous move, and consistent with its treaty record on that day",
  })
  effectiveOn?: string;
}

@ArgsType()
export class SetStageChangeVisibilityArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => Visibility)
  @IsEnum(Visibility)
  visibility: Visibility;

  @Field(() => Int, {
    nullable: true,
    description: 'When given, the change is rejected with CONFLICT unless the stage change is still at this version',
  })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

/** `State.treatyStatus`: GraphQL's date scalar checks the date. */
@ArgsType()
export class TreatyStatusArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date the status is computed for' })
  asOf?: string;
}

/** `State.ratificationStageOn`. */
@ArgsType()
export class StageOnArgs {
  @Field(() => DateScalar, { description: 'The day asked about' })
  date: string;
}

/** `State.obstacles`: GraphQL checks the enum. */
@ArgsType()
export class StateObstaclesArgs {
  @Field(() => ObstacleStatus, { nullable: true, description: 'Only the obstacles with this status' })
  status?: ObstacleStatus;
}
