import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/paging/connection.js';
import { Posting } from '../common/enums.js';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.js';
import { type EnumValue, graphqlEnum } from '../common/enum.js';

/**
 * One posting in a contact's history, held from `from` (included) to `to` (excluded); `to` is null
 * while it is held. `state` and `organization` are resolved in ContactPostingFieldsResolver.
 */
@ObjectType('ContactPosting')
export class ContactPosting {
  @Field(() => ID)
  id: string;

  contactId: string;
  stateIso3: string | null;
  organizationId: string | null;

  @Field(() => Posting, { nullable: true })
  posting: Posting | null;

  @Field(() => String, { nullable: true, description: 'Such as Permanent Representative' })
  position: string | null;

  @Field(() => DateScalar, { description: 'First day of the posting' })
  from: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it ended (the next posting starts that day); null while it is held' })
  to: string | null;

  @Field({ description: 'True for the posting held now (no end date)' })
  current: boolean;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

export const DuplicateReason = graphqlEnum(
  'DuplicateReason',
  ['SAME_NAME', 'SAME_EMAIL'],
  'SAME_NAME: the same name once accents, case and spacing are ignored; SAME_EMAIL: the same e-mail, case ignored',
);
export type DuplicateReason = EnumValue<typeof DuplicateReason>;

/** Contacts that are likely the same person. `contacts` is resolved in ContactMergeResolver. */
@ObjectType('ContactDuplicateGroup')
export class ContactDuplicateGroup {
  @Field(() => DuplicateReason)
  reason: DuplicateReason;

  @Field({ description: 'What they share: the folded name or the lower-case e-mail' })
  key: string;

  /** Oldest first. */
  contactIds: string[];
}

@ObjectType()
export class ContactDuplicateGroupConnection extends ConnectionType(ContactDuplicateGroup, 'ContactDuplicateGroup') {}
