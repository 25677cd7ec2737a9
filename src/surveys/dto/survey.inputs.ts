import { Field, ID, InputType, Int } from '@nestjs/graphql';
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
import { ObstacleCategory, Visibility } from '../../common/enums.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class SurveyQuestionInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  text: string;

  @Field(() => ObstacleCategory, { nullable: true, description: 'The kind of obstacle an answer may open in the register' })
  @IsOptional()
  @IsEnum(ObstacleCategory)
  category?: ObstacleCategory | null;

  @Field(() => [String], { nullable: true, description: 'The choices an answer picks from. Default: none (free text only)' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  choices?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether an answer may carry free text. Default true' })
  @IsOptional()
  @IsBoolean()
  allowsText?: boolean;
}

@InputType()
export class CreateSurveyInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name: string;

  @Field(() => [String], {
    description: 'The States it is sent to (one letter of its campaign each): States not Party on the sending date',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s: string[];

  @Field(() => [SurveyQuestionInput], {
    nullable: true,
    description: "The questions, in order. Default: the 2017 plan's categories, one question each (substantive, procedural, technical)",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInput)
  questions?: SurveyQuestionInput[];

  @Field(() => Visibility, { nullable: true, description: 'Of the survey and of its letter campaign. Default COORDINATORS' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => ID, {
    nullable: true,
    description:
      "The mandate whose work this is (see MANDATE visibility). Default: none, or with MANDATE visibility your organization's current mandate",
  })
  @IsOptional()
  @IsUUID('all')
  mandateId?: string;

  @Field(() => DateScalar, { nullable: true, description: "The campaign's sending date (not after today). Default: today" })
  @IsOptional()
  sendingDate?: string;

  @Field(() => String, { nullable: true, description: 'The campaign\'s templateRef. Default: "Survey: <name>"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  templateRef?: string;

  @Field(() => DateScalar, { nullable: true, description: 'A follow-up date for every letter of the campaign' })
  @IsOptional()
  followUpOn?: string;
}

@InputType()
export class RecordSurveyAnswerInput {
  @Field(() => ID)
  @IsUUID('all')
  surveyId: string;

  @Field(() => ID)
  @IsUUID('all')
  questionId: string;

  @Field({ description: 'One of the States the survey was sent to' })
  @IsIso3()
  stateIso3: string;

  @Field(() => String, { nullable: true, description: "One of the question's choices" })
  @IsOptional()
  @IsString()
  choice?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the State wrote, when the question allows text. A choice or a text is required',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10000)
  text?: string | null;

  @Field(() => DateScalar, { description: 'When the State answered (not after today)' })
  answeredOn: string;

  @Field(() => Visibility, { nullable: true, description: 'Who sees the answer (and counts it in results). Default COORDINATORS' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  mandateId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "Opens an obstacle in the register for the State, in the question's category, and links it",
  })
  @IsOptional()
  @IsBoolean()
  openObstacle?: boolean;
}

/** Corrects an answer; fields left out are unchanged, choice and text may be cleared with null (one must remain). */
@InputType()
export class UpdateSurveyAnswerInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  choice?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10000)
  text?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @IsString()
  answeredOn?: string;

  @Field(() => Visibility, { nullable: true, description: 'Only the organization that recorded it (or an admin) changes it' })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;
}
