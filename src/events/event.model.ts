import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Visibility } from '../common/enums.js';
import { ConnectionType } from '../common/paging/connection.js';
import { VersionedModel } from '../common/versioned.model.js';
import { DateScalar } from '../graphql/scalars.js';
import { Target } from '../targets/target.model.js';
import { EventKind } from './event-kind.js';

@ObjectType('Event', { description: 'A meeting or conference where States gather, and where bilateral meetings are held on the margins' })
export class Event extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true })
  place: string | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar)
  endsOn: string;

  @Field(() => Visibility, { description: 'Who sees the event, by the interaction rule (partners: SHARED only)' })
  visibility: Visibility;

  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'The mandate whose work it is (its organizations share it), if any' })
  mandateId: string | null;
  createdBy: string;
}

@ObjectType()
export class EventConnection extends ConnectionType(Event, 'Event') {}

/** A State attending an event. `state` and `delegation` are resolved through loaders. */
@ObjectType('EventAttendance')
export class EventAttendance {
  eventId: string;
  stateIso3: string;
}

@ObjectType('PlannedMeeting', { description: 'A bilateral meeting planned at an event; once held, its BILATERAL_MEETING interaction' })
export class PlannedMeeting {
  @Field(() => ID)
  id: string;

  eventId: string;
  stateIso3: string;
  interactionId: string | null;
  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'The mandate whose work it is (its organizations share it), if any' })
  mandateId: string | null;
  createdBy: string;

  @Field(() => DateScalar, { nullable: true })
  plannedOn: string | null;

  @Field(() => String, { nullable: true })
  objective: string | null;

  @Field()
  held: boolean;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => Int)
  version: number;
}

@ObjectType('EventTarget', { description: 'A target State attending the event, and whether you have met it' })
export class EventTarget {
  @Field(() => Target)
  target: Target;

  @Field({ description: 'A BILATERAL_MEETING or EVENT_MEETING you may see, at this event or since metSince' })
  met: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'The latest such meeting' })
  lastMetOn: string | null;

  @Field({ description: 'A meeting you may see is planned at this event and not yet held' })
  meetingPlanned: boolean;
}
