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
import { Posting, Visibility } from '../../common/enums.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { TargetFilter } from '../../targets/dto/targets.args.js';
import { LetterStatus } from '../campaign.model.js';
import { IsIso3 } from '../../common/iso3.js';

/** The contacts a State's letter goes to, chosen by hand. */
@InputType()
export class LetterRecipientsInput {
  @Field()
  @IsIso3()
  stateIso3: string;

  @Field(() => [ID])
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds: string[];
}

@InputType()
export class CreateLetterCampaignInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name: string;

  @Field({ description: "Where the letter's text lives (a document reference, a file name)" })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  templateRef: string;

  @Field(() => DateScalar, { description: 'The date the letters are sent: the date of every LETTER interaction (not after today)' })
  sendingDate: string;

  @Field(() => Visibility, { nullable: true, description: 'Of the campaign and its letters. Default ORGANIZATION' })
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

  @Field(() => TargetFilter, { nullable: true, description: 'The States of this target list (give this or stateIso3s)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetFilter)
  targets?: TargetFilter;

  @Field(() => [String], { nullable: true, description: 'These States (give this or targets)' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => [Posting], {
    nullable: true,
    description:
      "Whom each letter goes to: the State's contacts with the first of these postings it has. Default GENEVA_MISSION, NEW_YORK_MISSION, CAPITAL",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Posting, { each: true })
  postings?: Posting[];

  @Field(() => [LetterRecipientsInput], { nullable: true, description: 'Contacts chosen by hand for some States (instead of by posting)' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LetterRecipientsInput)
  recipients?: LetterRecipientsInput[];

  @Field(() => String, { nullable: true, description: 'Subject of every letter. Default: the campaign name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  subject?: string;

  @Field(() => DateScalar, { nullable: true, description: 'A follow-up date for every letter (then they show in followUps)' })
  @IsOptional()
  followUpOn?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'A campaign to States Parties (about implementation, say). Without it, a State whose treaty record shows a deposit on the sending date is refused',
  })
  @IsOptional()
  @IsBoolean()
  includesStatesParties?: boolean;
}

/** Corrects a campaign. Fields left out are unchanged; its States and addressees stay as sent. */
@InputType()
export class UpdateLetterCampaignInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: "The campaign's version you read; a stale version is rejected with CONFLICT" })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: "The letters' subject and text stay as sent" })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name?: string;

  @Field({ nullable: true, description: "Where the letter's text lives (a document reference, a file name)" })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  templateRef?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The letters still dated on the old sending date move with it (one dated on its own keeps its date); refused when a follow-up date or a reply would then come before it',
  })
  @OmittableNotNull()
  @IsString()
  sendingDate?: string;

  @Field(() => Visibility, {
    nullable: true,
    description: 'Of the campaign and of every one of its letters: they change together, in one transaction',
  })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => ID, { nullable: true, description: "A coordinator or admin of the campaign's organization, not disabled" })
  @OmittableNotNull()
  @IsUUID('all')
  ownerId?: string;
}

/** Names one letter: by its interaction, or by its campaign and State. */
@InputType({ isAbstract: true })
export abstract class LetterRef {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  interactionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  campaignId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIso3()
  stateIso3?: string;

  @Field(() => Int, { description: "The letter's version you read; a stale version is rejected with CONFLICT" })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class LogLetterReplyInput extends LetterRef {
  @Field(() => DateScalar, { description: "Not after today. The reply closes the letter's pending follow-up (see keepFollowUpOpen)" })
  receivedOn: string;

  @Field(() => Boolean, { nullable: true, description: "Keep the letter's pending follow-up open (by default the reply closes it)" })
  @IsOptional()
  @IsBoolean()
  keepFollowUpOpen?: boolean;

  @Field(() => String, { nullable: true, description: 'What the reply said' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  note?: string | null;
}

@InputType()
export class MarkCampaignFollowUpDoneInput extends LetterRef {
  @Field(() => DateScalar, {
    nullable: true,
    description: "The letter's follow-up date, when it had none. Default: today (or the sending date, if later)",
  })
  @IsOptional()
  doneOn?: string;
}

@InputType()
export class LetterCampaignFilter {
  @Field(() => [String], { nullable: true, description: 'Campaigns with a letter to one of these States' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Sent on or after' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Sent on or before' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class LetterCampaignsArgs extends PageArgs {
  @Field(() => LetterCampaignFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LetterCampaignFilter)
  filter?: LetterCampaignFilter;
}

/** `LetterCampaign.letters`: GraphQL checks the enum. */
@ArgsType()
export class LettersArgs {
  @Field(() => LetterStatus, { nullable: true })
  status?: LetterStatus | null;
}

/** `LetterCampaign.noReplyAfter`: GraphQL checks the types (a negative `days` counts as 0). */
@ArgsType()
export class NoReplyAfterArgs {
  @Field(() => Int)
  days: number;

  @Field(() => DateScalar, { nullable: true })
  asOf?: string | null;
}
