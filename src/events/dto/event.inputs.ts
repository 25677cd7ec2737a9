import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { Visibility } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { DateScalar } from '../../graphql/scalars.js';
import { TargetFilter } from '../../targets/dto/targets.args.js';
import { EventKind } from '../event-kind.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class RecordEventInput {
  @input.TrimmedText(1, 300)
  name: string;

  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @input.OptionalTrimmedText(1, 300)
  place?: string | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @input.OptionalEnum(Visibility, { description: 'Default COORDINATORS; SHARED lets partners see it' })
  visibility?: Visibility;

  @input.MandateOfWork()
  mandateId?: string;

  @input.OptionalIso3List({ max: 200, unique: true, description: 'The States attending' })
  attendingStateIso3s?: string[];
}

/** Corrects an event. Fields left out are unchanged; the attendance has mutations of its own. */
@InputType()
export class UpdateEventInput {
  @input.Uuid()
  id: string;

  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 300)
  name?: string;

  @input.OmittableEnum(EventKind)
  kind?: EventKind;

  @input.OptionalTrimmedText(1, 300, { description: 'null clears it' })
  place?: string | null;

  @input.OmittableDate({ description: 'On or before endsOn; the meetings planned there and not yet held must stay within the dates' })
  startsOn?: string;

  @input.OmittableDate()
  endsOn?: string;

  @input.OmittableEnum(Visibility, {
    description:
      'Of the event only (its planned meetings and interactions keep theirs). Once other organizations could see it (COORDINATORS or SHARED), it cannot become ORGANIZATION: they may have planned meetings or logged interactions there',
  })
  visibility?: Visibility;
}

@InputType()
export class AddEventAttendanceInput {
  @input.Uuid()
  eventId: string;

  @input.Iso3List({ min: 1, max: 200, unique: true })
  stateIso3s: string[];

  @input.OptionalUuidList({ max: 200, unique: true, description: 'Members of the delegations (each a contact of one of these States)' })
  delegationContactIds?: string[];

  @input.OptionalExpectedVersion({ description: "The event's version you read" })
  expectedVersion?: number;
}

@InputType()
export class PlanMeetingInput {
  @input.Uuid()
  eventId: string;

  @Field()
  @IsIso3()
  stateIso3: string;

  @input.OptionalUuidList({ max: 20, unique: true, description: 'Contacts of that State to meet' })
  contactIds?: string[];

  @input.OptionalDate({ description: 'Within the event dates' })
  plannedOn?: string;

  @input.OptionalText(5000)
  objective?: string;

  @input.OptionalEnum(Visibility, {
    description: "Default ORGANIZATION. No wider than the event's unless the event is your organization's (else FORBIDDEN)",
  })
  visibility?: Visibility;

  @input.MandateOfWork()
  mandateId?: string;
}

/** Corrects a planned meeting not yet held. Fields left out are unchanged; its event and State stay. */
@InputType()
export class UpdatePlannedMeetingInput {
  @input.Uuid()
  id: string;

  @input.ExpectedVersion({ description: "The planned meeting's version you read; a stale version is rejected with CONFLICT" })
  expectedVersion: number;

  @input.OmittableUuidList({ max: 20, unique: true, description: 'Contacts of its State to meet, replacing those planned ([] for none)' })
  contactIds?: string[];

  @input.OptionalDate({ description: 'Within the event dates; null clears it' })
  plannedOn?: string | null;

  @input.OptionalText(5000, { description: 'null clears it' })
  objective?: string | null;

  @input.OmittableEnum(Visibility, { description: "No wider than the event's unless the event is your organization's (else FORBIDDEN)" })
  visibility?: Visibility;
}

@InputType()
export class LogMeetingHeldInput {
  @input.Uuid()
  meetingId: string;

  @Field(() => DateScalar)
  occurredOn: string;

  @input.OptionalTrimmedText(1, 300, {
    description:
      'Default: "Bilateral meeting at <event>"; just "Bilateral meeting" when the interaction is seen more widely than another organization\'s event',
  })
  subject?: string;

  @input.OptionalText(20000)
  summary?: string;

  @input.OptionalText(20000)
  outcome?: string;

  @input.OptionalDate()
  followUpOn?: string;

  @input.OptionalUuidList({ max: 100, unique: true, description: 'Default: the planned contacts' })
  contactIds?: string[];

  @input.OptionalEnum(Visibility, { description: "Of the meeting's interaction. Default: the planned meeting's" })
  visibility?: Visibility;

  @input.OptionalExpectedVersion({ description: "The planned meeting's version you read" })
  expectedVersion?: number;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @input.OptionalDate({ description: 'Events starting on or after this date' })
  startingFrom?: string;

  @input.OptionalDate({ description: 'Events starting before this date' })
  startingBefore?: string;

  @input.OptionalEnumList(EventKind)
  kinds?: EventKind[];

  @input.OptionalIso3List({ max: 200, description: 'Events one of these States attends' })
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
