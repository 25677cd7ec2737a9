import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RegionalGroup, Visibility } from '../common/enums.js';
import { ConnectionType } from '../common/paging/connection.js';
import { VersionedModel } from '../common/versioned.model.js';
import { DateScalar } from '../graphql/scalars.js';
import { IndicatorMetric, PlannedActivityKind, PlannedActivityStatus } from './work-plan.enums.js';

/** A coordinators' mandate. Relations are resolved in MandatesResolver. */
@ObjectType('Mandate', { description: 'The organizations that coordinate universalization for a period, with their work plan' })
export class Mandate extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Such as "Universalization coordinators 2026"' })
  name: string;

  @Field(() => DateScalar)
  periodFrom: string;

  @Field(() => DateScalar)
  periodTo: string;

  @Field(() => Visibility, { description: 'Who may read it; SHARED (partners too) by default' })
  visibility: Visibility;

  organizationIds: string[];
  previousMandateId: string | null;
  groupingIds: string[];
  carriedFollowUpIds: string[];
  carriedObstacleIds: string[];
  carriedGroupingIds: string[];
  createdById: string | null;
}

@ObjectType('MandateConnection')
export class MandateConnection extends ConnectionType(Mandate, 'Mandate') {}

@ObjectType('Indicator')
export class Indicator {
  @Field()
  description: string;

  @Field(() => Int, { nullable: true })
  targetValue: number | null;

  @Field(() => IndicatorMetric, { nullable: true, description: 'The number of the progress report it follows, if any' })
  metric: IndicatorMetric | null;

  mandateId: string;
}

@ObjectType('Objective', { description: 'An objective of a work plan' })
export class Objective extends VersionedModel {
  @Field(() => ID)
  id: string;

  mandateId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  indicators: { description: string; targetValue: number | null; metric: IndicatorMetric | null }[];
}

@ObjectType('PlannedActivity', { description: 'A dated activity of a work plan' })
export class PlannedActivity extends VersionedModel {
  @Field(() => ID)
  id: string;

  mandateId: string;

  @Field()
  title: string;

  @Field(() => PlannedActivityKind)
  kind: PlannedActivityKind;

  @Field(() => DateScalar)
  plannedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day, for an activity that spans several days' })
  plannedUntil: string | null;

  @Field(() => RegionalGroup, { nullable: true })
  regionalGroup: RegionalGroup | null;

  stateIso3s: string[];

  @Field(() => PlannedActivityStatus)
  status: PlannedActivityStatus;

  @Field(() => String, { nullable: true })
  notes: string | null;

  interactionIds: string[];
  carriedFromId: string | null;
}

/** What a hand-over carried over into a mandate; its fields are resolved in MandatesResolver. */
@ObjectType('HandOver', { description: 'What a mandate took over from the previous one when it started' })
export class HandOver {
  mandate: Mandate;
}
