import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/paging/connection.js';
import { Posting } from '../common/enums.js';
import { VersionedModel } from '../common/versioned.model.js';

/** A person. `state`, `organization` and `interactions` are resolved in ContactFieldsResolver. */
@ObjectType('Contact')
export class Contact extends VersionedModel {
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
}

@ObjectType()
export class ContactConnection extends ConnectionType(Contact, 'Contact') {}
