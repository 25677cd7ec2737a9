import { Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { ObstacleCategory, Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class SurveyQuestionInput {
  @input.TrimmedText(1, 2000)
  text: string;

  @input.OptionalEnum(ObstacleCategory, { description: 'The kind of obstacle an answer may open in the register' })
  category?: ObstacleCategory | null;

  @Field(() => [String], { nullable: true, description: 'The choices an answer picks from. Default: none (free text only)' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  choices?: string[];

  @input.OptionalBoolean({ description: 'Whether an answer may carry free text. Default true' })
  allowsText?: boolean;
}

@InputType()
export class CreateSurveyInput {
  @input.TrimmedText(1, 300)
  name: string;

  @input.Iso3List({
    min: 1,
    max: 200,
    unique: true,
    description: 'The States it is sent to (one letter of its campaign each): States not Party on the sending date',
  })
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

  @input.OptionalEnum(Visibility, { description: 'Of the survey and of its letter campaign. Default COORDINATORS' })
  visibility?: Visibility;

  @input.OptionalUuid({
    description:
      "The mandate whose work this is (see MANDATE visibility). Default: none, or with MANDATE visibility your organization's current mandate",
  })
  mandateId?: string;

  @input.OptionalDate({ description: "The campaign's sending date (not after today). Default: today" })
  sendingDate?: string;

  @input.OptionalTrimmedText(1, 500, { description: 'The campaign\'s templateRef. Default: "Survey: <name>"' })
  templateRef?: string;

  @input.OptionalDate({ description: 'A follow-up date for every letter of the campaign' })
  followUpOn?: string;
}

@InputType()
export class RecordSurveyAnswerInput {
  @input.Uuid()
  surveyId: string;

  @input.Uuid()
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

  @input.OptionalEnum(Visibility, { description: 'Who sees the answer (and counts it in results). Default COORDINATORS' })
  visibility?: Visibility;

  @input.OptionalUuid()
  mandateId?: string;

  @input.OptionalBoolean({ description: "Opens an obstacle in the register for the State, in the question's category, and links it" })
  openObstacle?: boolean;
}

/** Corrects an answer; fields left out are unchanged, choice and text may be cleared with null (one must remain). */
@InputType()
export class UpdateSurveyAnswerInput {
  @input.Uuid()
  id: string;

  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
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

  @input.OmittableDate()
  answeredOn?: string;

  @input.OmittableEnum(Visibility, { description: 'Only the organization that recorded it (or an admin) changes it' })
  visibility?: Visibility;
}
