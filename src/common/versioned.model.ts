import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars.js';

/** The version and timestamps of a row users correct under optimistic locking (see VersionedEntity). */
@ObjectType({ isAbstract: true })
export abstract class VersionedModel {
  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}
