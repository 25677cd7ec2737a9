import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
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
} from 'class-validator';
import { Visibility } from '../../common/enums.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { TargetFilter } from '../../targets/dto/targets.args.js';
import { EventKind } from '../event-kind.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class RecordEventInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name: string;

  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  place?: string | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => Visibility, { nullable: true, description: 'Default COORDINATORS; SHARED lets partners see it' })
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

  @Field(() => [String], { nullable: true, description: 'The States attending' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsIso3({ each: true })
  attendingStateIso3s?: string[];
}

/** Corrects an event. Fields left out are unchanged; the attendance has mutations of its own. */
@InputType()
export class UpdateEventInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  name?: string;

  @Field(() => EventKind, { nullable: true })
  @OmittableNotNull()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  place?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'On or before endsOn; the meetings planned there and not yet held must stay within the dates',
  })
  @OmittableNotNull()
  @IsString()
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @IsString()
  endsOn?: string;

  @Field(() => Visibility, {
    nullable: true,
    description:
      'Of the event only (its planned meetings and interactions keep theirs). Once other organizations could see it (COORDINATORS or SHARED), it cannot become ORGANIZATION: they may have planned meetings or logged interactions there',
  })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@InputType()
export class AddEventAttendanceInput {
  @Field(() => ID)
  @IsUUID('all')
  eventId: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsIso3({ each: true })
  stateIso3s: string[];

  @Field(() => [ID], { nullable: true, description: 'Members of the delegations (each a contact of one of these States)' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  delegationContactIds?: string[];

  @Field(() => Int, { nullable: true, description: "The event's version you read" })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@InputType()
export class PlanMeetingInput {
  @Field(() => ID)
  @IsUUID('all')
  eventId: string;

  @Field()
  @IsIso3()
  stateIso3: string;

  @Field(() => [ID], { nullable: true, description: 'Contacts of that State to meet' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Within the event dates' })
  @IsOptional()
  plannedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  objective?: string;

  @Field(() => Visibility, {
    nullable: true,
    description: "Default ORGANIZATION. No wider than the event's unless the event is your organization's (else FORBIDDEN)",
  })
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
}

/** Corrects a planned meeting not yet held. Fields left out are unchanged; its event and State stay. */
@InputType()
export class UpdatePlannedMeetingInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: "The planned meeting's version you read; a stale version is rejected with CONFLICT" })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => [ID], { nullable: true, description: 'Contacts of its State to meet, replacing those planned ([] for none)' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Within the event dates; null clears it' })
  @IsOptional()
  plannedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  objective?: string | null;

  @Field(() => Visibility, {
    nullable: true,
    description: "No wider than the event's unless the event is your organization's (else FORBIDDEN)",
  })
  @OmittableNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@InputType()
export class LogMeetingHeldInput {
  @Field(() => ID)
  @IsUUID('all')
  meetingId: string;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Default: "Bilateral meeting at <event>"; just "Bilateral meeting" when the interaction is seen more widely than another organization\'s event',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  subject?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  outcome?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  followUpOn?: string;

  @Field(() => [ID], { nullable: true, description: 'Default: the planned contacts' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @Field(() => Visibility, { nullable: true, description: "Of the meeting's interaction. Default: the planned meeting's" })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => Int, { nullable: true, description: "The planned meeting's version you read" })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Events starting on or after this date' })
  @IsOptional()
  startingFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Events starting before this date' })
  @IsOptional()
  startingBefore?: string;

  @Field(() => [EventKind], { nullable: true })
  @IsOptional()
  @IsEnum(EventKind, { each: true })
  kinds?: EventKind[];

  @Field(() => [String], { nullable: true, description: 'Events one of these States attends' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsIso3({ each: true })
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
