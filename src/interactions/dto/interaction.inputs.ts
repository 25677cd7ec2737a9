import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { InteractionType, Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { StatesAndOrganizationsFilter } from '../../common/filters.js';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';

@InputType()
export class LogInteractionInput {
  @Field(() => InteractionType)
  @IsEnum(InteractionType)
  type: InteractionType;

  @Field(() => DateScalar)
  occurredOn: string;

  @input.TrimmedText(1, 300)
  subject: string;

  @input.OptionalText(20000)
  summary?: string | null;

  @input.OptionalText(20000)
  outcome?: string | null;

  @input.OptionalDate()
  followUpOn?: string | null;

  @input.OptionalEnum(Visibility, { description: 'Default ORGANIZATION: only your organization sees it' })
  visibility?: Visibility;

  @input.MandateOfWork()
  mandateId?: string;

  @input.Iso3List({ min: 1, max: 200, unique: true, description: 'The States concerned (at least one)' })
  stateIso3s: string[];

  @input.OptionalUuidList({ max: 100, unique: true })
  contactIds?: string[];

  @input.OptionalUuid({ description: 'The event it took place at (a bilateral meeting on the margins of a conference)' })
  eventId?: string;
}

@InputType()
export class UpdateInteractionInput {
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableEnum(InteractionType)
  type?: InteractionType;

  @input.OmittableDate()
  occurredOn?: string;

  @input.OmittableTrimmedText(1, 300)
  subject?: string;

  @input.OptionalText(20000)
  summary?: string | null;

  @input.OptionalText(20000)
  outcome?: string | null;

  @input.OptionalDate({ description: 'A new date makes the follow-up pending again' })
  followUpOn?: string | null;

  @input.OptionalDate({
    description:
      'For a LETTER or EMAIL: when the reply came (null: none yet), not after today. Recording one closes the pending follow-up (see keepFollowUpOpen)',
  })
  replyReceivedOn?: string | null;

  @input.OptionalBoolean({ description: 'With a reply recorded here: keep the pending follow-up open (by default the reply closes it)' })
  keepFollowUpOpen?: boolean;

  @input.OmittableEnum(Visibility, { description: "A campaign letter's is its campaign's (change it with updateLetterCampaign)" })
  visibility?: Visibility;

  @input.OmittableIso3List({ min: 1, max: 200, unique: true, description: 'Replaces the States concerned' })
  stateIso3s?: string[];

  @input.OmittableUuidList({ max: 100, unique: true, description: 'Replaces the contacts involved' })
  contactIds?: string[];
}

@InputType()
export class InteractionFilter extends StatesAndOrganizationsFilter {
  @input.OptionalUuidList({ max: 200 })
  contactIds?: string[];

  @input.OptionalEnumList(InteractionType)
  types?: InteractionType[];

  @input.OptionalEnumList(Visibility)
  visibilities?: Visibility[];

  @input.OptionalUuidList({ max: 200 })
  authorIds?: string[];

  @input.OptionalDate({ description: 'Occurred on or after' })
  from?: string;

  @input.OptionalDate({ description: 'Occurred on or before' })
  to?: string;

  @input.OptionalTrimmedText(1, 200, { description: 'Words in the subject, summary or outcome, in any case and with or without accents' })
  search?: string;
}

@ArgsType()
export class InteractionsArgs extends PageArgs {
  @input.OptionalNested(InteractionFilter)
  filter?: InteractionFilter;
}
