import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/paging/connection.js';
import { InteractionType, Visibility } from '../common/enums.js';
import { VersionedModel } from '../common/versioned.model.js';
import { DateScalar } from '../graphql/scalars.js';

/** A logged piece of outreach. Relations are resolved in InteractionFieldsResolver. */
@ObjectType('Interaction')
export class Interaction extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field(() => InteractionType)
  type: InteractionType;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field()
  subject: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => DateScalar, { nullable: true })
  followUpOn: string | null;

  @Field({ description: 'Whether the follow-up was marked done' })
  followUpDone: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'For a LETTER or EMAIL: the date the reply came' })
  replyReceivedOn: string | null;

  @Field({ description: 'True for a LETTER or EMAIL until its reply is recorded' })
  awaitingReply: boolean;

  @Field(() => Visibility)
  visibility: Visibility;

  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'The mandate whose work it is (its organizations share it), if any' })
  mandateId: string | null;
  authorId: string;
}

@ObjectType()
export class InteractionConnection extends ConnectionType(Interaction, 'Interaction') {}
