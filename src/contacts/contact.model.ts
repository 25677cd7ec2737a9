import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/paging/connection.js';
import { Posting } from '../common/enums.js';
import { DateTimeScalar } from '../graphql/scalars.js';

/** A person. `state`, `organization` and `interactions` are resolved in ContactFieldsResolver. */
@ObjectType('Contact')
export class Contact {
  @Field(() => ID)
  id: string;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Such as H.E. or Dr' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'Such as Permanent Representative' })
  position: string | null;

  @Field(() => Posting, { nullable: true })
  posting: Posting | null;

  stateIso3: string | null;
  organizationId: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => [String])
  languages: string[];

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;
}

@ObjectType()
export class ContactConnection extends ConnectionType(Contact, 'Contact') {}
