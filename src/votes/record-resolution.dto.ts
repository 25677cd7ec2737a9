import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { VoteChoice } from '../common/enums.js';
import * as input from '../common/fields.js';
import { trim } from '../common/validation.js';
import { DateScalar } from '../graphql/scalars.js';
import { IsIso3 } from '../common/iso3.js';

@InputType()
export class ResolutionVoteInput {
  @Field({ description: 'ISO 3166-1 alpha-3 code, such as VUT' })
  @Transform(trim)
  @IsIso3()
  stateIso3: string;

  @Field(() => VoteChoice)
  @IsEnum(VoteChoice)
  vote: VoteChoice;
}

@InputType()
export class RecordResolutionInput {
  @Field({ description: 'Such as A/RES/80/40' })
  @Transform(trim)
  @Matches(/^A\/RES\/\d+\/\d+$/, { message: 'symbol must be a General Assembly resolution symbol such as A/RES/80/40' })
  symbol: string;

  @Field(() => DateScalar, { description: 'The date of the plenary vote' })
  date: string;

  @input.OptionalTrimmedText(1, 500, { description: 'Default: Implementation of the Convention on Cluster Munitions' })
  title?: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  yes: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  no: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  abstain: number;

  @Field(() => Int, { nullable: true, description: 'Default: the count of NON_VOTING among the votes' })
  @IsOptional()
  @IsInt()
  @Min(0)
  nonVoting?: number;

  @input.OptionalTrimmedText(1, 2000, { description: 'Where the voting record was read, such as its UN Digital Library page' })
  source?: string;

  @Field(() => [ResolutionVoteInput], { description: "Each State's vote" })
  @ArrayMinSize(1)
  @ArrayMaxSize(250)
  @ValidateNested({ each: true })
  @Type(() => ResolutionVoteInput)
  votes: ResolutionVoteInput[];
}
