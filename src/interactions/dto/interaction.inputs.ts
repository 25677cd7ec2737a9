import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  ArrayMinSize,
  ArrayUnique,
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
import { InteractionType, Visibility } from '../../common/enums.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class LogInteractionInput {
  @Field(() => InteractionType)
  @IsEnum(InteractionType)
  type: InteractionType;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  subject: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  outcome?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  followUpOn?: string | null;

  @Field(() => Visibility, { nullable: true, description: 'Default ORGANIZATION: only your organization sees it' })
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

  @Field(() => [String], { description: 'The States concerned (at least one)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @Field(() => ID, { nullable: true, description: 'The event it took place at (a bilateral meeting on the margins of a conference)' })
  @IsOptional()
  @IsUUID('all')
  eventId?: string;
}

@InputType()
export class UpdateInteractionInput {
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => InteractionType, { nullable: true })
  @OmittableNotNull()
  @IsEnum(InteractionType)
  type?: InteractionType;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @IsString()
  occurredOn?: string;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  subject?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  outcome?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'A new date makes the follow-up pending again' })
  @IsOptional()
  followUpOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'For a LETTER or EMAIL: when the reply came (null: none yet), not after today. Recording one closes the pending follow-up (see keepFollowUpOpen)',
  })
  @IsOptional()
  replyReceivedOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'With a reply recorded here: keep the pending follow-up open (by default the reply closes it)',
  })
  @IsOptional()
  @IsBoolean()
  keepFollowUpOpen?: boolean;

  @Field(() => Visibility, { nullable: true, description: "A campaign letter's is its campaign's (change it with updateLetterCampaign)" })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => [String], { nullable: true, description: 'Replaces the States concerned' })
  @OmittableNotNull()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => [ID], { nullable: true, description: 'Replaces the contacts involved' })
  @OmittableNotNull()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];
}

@InputType()
export class InteractionFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @Field(() => [InteractionType], { nullable: true })
  @IsOptional()
  @IsEnum(InteractionType, { each: true })
  types?: InteractionType[];

  @Field(() => [Visibility], { nullable: true })
  @IsOptional()
  @IsEnum(Visibility, { each: true })
  visibilities?: Visibility[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  authorIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Occurred on or after' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Occurred on or before' })
  @IsOptional()
  to?: string;

  @Field({ nullable: true, description: 'Words in the subject, summary or outcome, in any case and with or without accents' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  search?: string;
}

@ArgsType()
export class InteractionsArgs extends PageArgs {
  @Field(() => InteractionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InteractionFilter)
  filter?: InteractionFilter;
}
