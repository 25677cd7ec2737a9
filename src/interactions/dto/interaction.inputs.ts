import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { InteractionType, Visibility } from '../../common/enums.js';
import {
  ExpectedVersion,
  Iso3List,
  MandateOfWork,
  OmittableDate,
  OmittableEnum,
  OmittableIso3List,
  OmittableTrimmedText,
  OmittableUuidList,
  OptionalBoolean,
  OptionalDate,
  OptionalEnum,
  OptionalEnumList,
  OptionalIso3List,
  OptionalNested,
  OptionalText,
  OptionalTrimmedText,
  OptionalUuid,
  OptionalUuidList,
  TrimmedText,
} from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';

@InputType()
export class LogInteractionInput {
  @Field(() => InteractionType)
  @IsEnum(InteractionType)
  type: InteractionType;

  @Field(() => DateScalar)
  occurredOn: string;

  @TrimmedText(1, 300)
  subject: string;

  @OptionalText(20000)
  summary?: string | null;

  @OptionalText(20000)
  outcome?: string | null;

  @OptionalDate()
  followUpOn?: string | null;

  @OptionalEnum(Visibility, { description: 'Default ORGANIZATION: only your organization sees it' })
  visibility?: Visibility;

  @MandateOfWork()
  mandateId?: string;

  @Iso3List({ min: 1, max: 200, unique: true, description: 'The States concerned (at least one)' })
  stateIso3s: string[];

  @OptionalUuidList({ max: 100, unique: true })
  contactIds?: string[];

  @OptionalUuid({ description: 'The event it took place at (a bilateral meeting on the margins of a conference)' })
  eventId?: string;
}

@InputType()
export class UpdateInteractionInput {
  @ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @OmittableEnum(InteractionType)
  type?: InteractionType;

  @OmittableDate()
  occurredOn?: string;

  @OmittableTrimmedText(1, 300)
  subject?: string;

  @OptionalText(20000)
  summary?: string | null;

  @OptionalText(20000)
  outcome?: string | null;

  @OptionalDate({ description: 'A new date makes the follow-up pending again' })
  followUpOn?: string | null;

  @OptionalDate({
    description:
      'For a LETTER or EMAIL: when the reply came (null: none yet), not after today. Recording one closes the pending follow-up (see keepFollowUpOpen)',
  })
  replyReceivedOn?: string | null;

  @OptionalBoolean({ description: 'With a reply recorded here: keep the pending follow-up open (by default the reply closes it)' })
  keepFollowUpOpen?: boolean;

  @OmittableEnum(Visibility, { description: "A campaign letter's is its campaign's (change it with updateLetterCampaign)" })
  visibility?: Visibility;

  @OmittableIso3List({ min: 1, max: 200, unique: true, description: 'Replaces the States concerned' })
  stateIso3s?: string[];

  @OmittableUuidList({ max: 100, unique: true, description: 'Replaces the contacts involved' })
  contactIds?: string[];
}

@InputType()
export class InteractionFilter {
  @OptionalIso3List({ max: 200 })
  stateIso3s?: string[];

  @OptionalUuidList({ max: 200 })
  contactIds?: string[];

  @OptionalEnumList(InteractionType)
  types?: InteractionType[];

  @OptionalEnumList(Visibility)
  visibilities?: Visibility[];

  @OptionalUuidList({ max: 200 })
  organizationIds?: string[];

  @OptionalUuidList({ max: 200 })
  authorIds?: string[];

  @OptionalDate({ description: 'Occurred on or after' })
  from?: string;

  @OptionalDate({ description: 'Occurred on or before' })
  to?: string;

  @OptionalTrimmedText(1, 200, { description: 'Words in the subject, summary or outcome, in any case and with or without accents' })
  search?: string;
}

@ArgsType()
export class InteractionsArgs extends PageArgs {
  @OptionalNested(InteractionFilter)
  filter?: InteractionFilter;
}
