import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/paging/connection.js';
import { ObstacleCategory, ObstacleStatus, Visibility } from '../common/enums.js';
import { VersionedModel } from '../common/versioned.model.js';
import { DateScalar } from '../graphql/scalars.js';

/** An obstacle to joining that a State has raised. `state` and `recordedBy` are resolved in ObstaclesResolver. */
@ObjectType('Obstacle')
export class Obstacle extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field(() => ObstacleCategory)
  category: ObstacleCategory;

  @Field()
  description: string;

  @Field(() => String, { nullable: true, description: 'What is proposed or was done to address it' })
  measures: string | null;

  @Field(() => ObstacleStatus)
  status: ObstacleStatus;

  @Field(() => DateScalar)
  recordedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was addressed; null while it is open' })
  resolvedOn: string | null;

  @Field(() => Visibility, { description: 'Who sees it at all: the interaction rule, with the organization that recorded it' })
  visibility: Visibility;

  stateIso3: string;
  recordedById: string | null;
  organizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The mandate whose work it is (its organizations share it), if any' })
  mandateId: string | null;
}

@ObjectType()
export class ObstacleConnection extends ConnectionType(Obstacle, 'Obstacle') {}
