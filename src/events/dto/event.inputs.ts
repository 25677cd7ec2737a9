import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { Visibility } from '../../common/enums.js';
import {
  ExpectedVersion,
  Iso3List,
  MandateOfWork,
  OmittableDate,
  OmittableEnum,
  OmittableTrimmedText,
  OmittableUuidList,
  OptionalDate,
  OptionalEnum,
  OptionalEnumList,
  OptionalExpectedVersion,
  OptionalIso3List,
  OptionalText,
  OptionalTrimmedText,
  OptionalUuidList,
  TrimmedText,
  Uuid,
} from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';
import { TargetFilter } from '../../targets/dto/targets.args.js';
import { EventKind } from '../event-kind.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class RecordEventInput {
  @TrimmedText(1, 300)
  name: string;

  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @OptionalTrimmedText(1, 300)
  place?: string | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @OptionalEnum(Visibility, { description: 'Default COORDINATORS; SHARED lets partners see it' })
  visibility?: Visibility;

  @MandateOfWork()
  mandateId?: string;

  @OptionalIso3List({ max: 200, unique: true, description: 'The States attending' })
  attendingStateIso3s?: string[];
}

/** Corrects an event. Fields left out are unchanged; the attendance has mutations of its own. */
@InputType()
export class UpdateEventInput {
  @Uuid()
  id: string;

  @ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @OmittableTrimmedText(1, 300)
  name?: string;

  @OmittableEnum(EventKind)
  kind?: EventKind;

  @OptionalTrimmedText(1, 300, { description: 'null clears it' })
  place?: string | null;

  @OmittableDate({ description: 'On or before endsOn; the meetings planned there and not yet held must stay within the dates' })
  startsOn?: string;

  @OmittableDate()
  endsOn?: string;

  @OmittableEnum(Visibility, {
    description:
      'Of the event only (its planned meetings and interactions keep theirs). Once other organizations could see it (COORDINATORS or SHARED), it cannot become ORGANIZATION: they may have planned meetings or logged interactions there',
  })
  visibility?: Visibility;
}

@InputType()
export class AddEventAttendanceInput {
  @Uuid()
  eventId: string;

  @Iso3List({ min: 1, max: 200, unique: true })
  stateIso3s: string[];

  @OptionalUuidList({ max: 200, unique: true, description: 'Members of the delegations (each a contact of one of these States)' })
  delegationContactIds?: string[];

  @OptionalExpectedVersion({ description: "The event's version you read" })
  expectedVersion?: number;
}

@InputType()
export class PlanMeetingInput {
  @Uuid()
  eventId: string;

  @Field()
  @IsIso3()
  stateIso3: string;

  @OptionalUuidList({ max: 20, unique: true, description: 'Contacts of that State to meet' })
  contactIds?: string[];

  @OptionalDate({ description: 'Within the event dates' })
  plannedOn?: string;

  @OptionalText(5000)
  objective?: string;

  @OptionalEnum(Visibility, {
    description: "Default ORGANIZATION. No wider than the event's unless the event is your organization's (else FORBIDDEN)",
  })
  visibility?: Visibility;

  @MandateOfWork()
  mandateId?: string;
}

/** Corrects a planned meeting not yet held. Fields left out are unchanged; its event and State stay. */
@InputType()
export class UpdatePlannedMeetingInput {
  @Uuid()
  id: string;

  @ExpectedVersion({ description: "The planned meeting's version you read; a stale version is rejected with CONFLICT" })
  expectedVersion: number;

  @OmittableUuidList({ max: 20, unique: true, description: 'Contacts of its State to meet, replacing those planned ([] for none)' })
  contactIds?: string[];

  @OptionalDate({ description: 'Within the event dates; null clears it' })
  plannedOn?: string | null;

  @OptionalText(5000, { description: 'null clears it' })
  objective?: string | null;

  @OmittableEnum(Visibility, { description: "No wider than the event's unless the event is your organization's (else FORBIDDEN)" })
  visibility?: Visibility;
}

@InputType()
export class LogMeetingHeldInput {
  @Uuid()
  meetingId: string;

  @Field(() => DateScalar)
  occurredOn: string;

  @OptionalTrimmedText(1, 300, {
    description:
      'Default: "Bilateral meeting at <event>"; just "Bilateral meeting" when the interaction is seen more widely than another organization\'s event',
  })
  subject?: string;

  @OptionalText(20000)
  summary?: string;

  @OptionalText(20000)
  outcome?: string;

  @OptionalDate()
  followUpOn?: string;

  @OptionalUuidList({ max: 100, unique: true, description: 'Default: the planned contacts' })
  contactIds?: string[];

  @OptionalEnum(Visibility, { description: "Of the meeting's interaction. Default: the planned meeting's" })
  visibility?: Visibility;

  @OptionalExpectedVersion({ description: "The planned meeting's version you read" })
  expectedVersion?: number;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @OptionalDate({ description: 'Events starting on or after this date' })
  startingFrom?: string;

  @OptionalDate({ description: 'Events starting before this date' })
  startingBefore?: string;

  @OptionalEnumList(EventKind)
  kinds?: EventKind[];

  @OptionalIso3List({ max: 200, description: 'Events one of these States attends' })
  stateIso3s?: string[];
}

/** `Event.attendingTargets`: the filter is checked as a query's (checkArgs), the rest by GraphQL. */
@ArgsType()
export class AttendingTargetsArgs {
  @Field(() => TargetFilter, { nullable: true })
  filter?: TargetFilter | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  notMetOnly?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: 'Also count meetings anywhere on or after this date' })
  metSince?: string | null;
}
