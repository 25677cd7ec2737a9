import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { ActivityKind, InteractionType, RegionalGroup } from '../common/enums.js';
import * as input from '../common/fields.js';
import { ConnectionType } from '../common/paging/connection.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { IsIso3 } from '../common/iso3.js';

/** Trims and upper-cases each code of a list input; anything else is left for the validators. */
const upperCaseCodes = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value;

/** Something that happened: an interaction logged or updated, a stage moved, an obstacle or contact recorded. */
@ObjectType('ActivityEvent')
export class ActivityEvent {
  @Field(() => ID)
  id: string;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field()
  summary: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'What it is about when that is not an interaction and still exists (which item follows from the kind: a letter campaign, event, planned meeting, mandate, stage change or obstacle); the entry follows its visibility, so you may see it',
  })
  subjectId: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'For a planned meeting: the event it is planned at, when you may see that event (a meeting may be seen more widely than its event)',
  })
  eventId: string | null;

  actorId: string | null;
  organizationId: string | null;
  interactionId: string | null;
  stateIso3s: string[];
}

@ObjectType()
export class ActivityConnection extends ConnectionType(ActivityEvent, 'Activity') {}

@InputType()
export class ActivityFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only events at or after this instant' })
  @IsOptional()
  since?: Date;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @Transform(upperCaseCodes)
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @input.OptionalEnumList(RegionalGroup)
  regionalGroups?: RegionalGroup[];

  @input.OptionalEnumList(ActivityKind)
  kinds?: ActivityKind[];

  @input.OptionalEnumList(InteractionType)
  interactionTypes?: InteractionType[];
}
