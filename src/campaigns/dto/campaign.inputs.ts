import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Posting, Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull } from '../../common/validation.js';
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
  @input.TrimmedText(1, 300)
  name: string;

  @input.TrimmedText(1, 500, { description: "Where the letter's text lives (a document reference, a file name)" })
  templateRef: string;

  @Field(() => DateScalar, { description: 'The date the letters are sent: the date of every LETTER interaction (not after today)' })
  sendingDate: string;

  @input.OptionalEnum(Visibility, { description: 'Of the campaign and its letters. Default ORGANIZATION' })
  visibility?: Visibility;

  @input.MandateOfWork()
  mandateId?: string;

  @input.OptionalNested(TargetFilter, { description: 'The States of this target list (give this or stateIso3s)' })
  targets?: TargetFilter;

  @input.OptionalIso3List({ min: 1, max: 200, unique: true, description: 'These States (give this or targets)' })
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

  @input.OptionalTrimmedText(1, 300, { description: 'Subject of every letter. Default: the campaign name' })
  subject?: string;

  @input.OptionalDate({ description: 'A follow-up date for every letter (then they show in followUps)' })
  followUpOn?: string;

  @input.OptionalBoolean({
    description:
      'A campaign to States Parties (about implementation, say). Without it, a State whose treaty record shows a deposit on the sending date is refused',
  })
  includesStatesParties?: boolean;
}

/** Corrects a campaign. Fields left out are unchanged; its States and addressees stay as sent. */
@InputType()
export class UpdateLetterCampaignInput {
  @input.Uuid()
  id: string;

  @input.ExpectedVersion({ description: "The campaign's version you read; a stale version is rejected with CONFLICT" })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 300, { description: "The letters' subject and text stay as sent" })
  name?: string;

  @input.OmittableTrimmedText(1, 500, { description: "Where the letter's text lives (a document reference, a file name)" })
  templateRef?: string;

  @input.OmittableDate({
    description:
      'The letters still dated on the old sending date move with it (one dated on its own keeps its date); refused when a follow-up date or a reply would then come before it',
  })
  sendingDate?: string;

  @input.OmittableEnum(Visibility, {
    description: 'Of the campaign and of every one of its letters: they change together, in one transaction',
  })
  visibility?: Visibility;

  @Field(() => ID, { nullable: true, description: "A coordinator or admin of the campaign's organization, not disabled" })
  @OmittableNotNull()
  @IsUUID('all')
  ownerId?: string;
}

/** Names one letter: by its interaction, or by its campaign and State. */
@InputType({ isAbstract: true })
export abstract class LetterRef {
  @input.OptionalUuid()
  interactionId?: string;

  @input.OptionalUuid()
  campaignId?: string;

  @input.OptionalIso3()
  stateIso3?: string;

  @input.ExpectedVersion({ description: "The letter's version you read; a stale version is rejected with CONFLICT" })
  expectedVersion: number;
}

@InputType()
export class LogLetterReplyInput extends LetterRef {
  @Field(() => DateScalar, { description: "Not after today. The reply closes the letter's pending follow-up (see keepFollowUpOpen)" })
  receivedOn: string;

  @input.OptionalBoolean({ description: "Keep the letter's pending follow-up open (by default the reply closes it)" })
  keepFollowUpOpen?: boolean;

  @input.OptionalText(20000, { description: 'What the reply said' })
  note?: string | null;
}

@InputType()
export class MarkCampaignFollowUpDoneInput extends LetterRef {
  @input.OptionalDate({ description: "The letter's follow-up date, when it had none. Default: today (or the sending date, if later)" })
  doneOn?: string;
}

@InputType()
export class LetterCampaignFilter {
  @input.OptionalIso3List({ max: 200, description: 'Campaigns with a letter to one of these States' })
  stateIso3s?: string[];

  @input.OptionalUuidList({ max: 200 })
  organizationIds?: string[];

  @input.OptionalDate({ description: 'Sent on or after' })
  from?: string;

  @input.OptionalDate({ description: 'Sent on or before' })
  to?: string;
}

@ArgsType()
export class LetterCampaignsArgs extends PageArgs {
  @input.OptionalNested(LetterCampaignFilter)
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
