import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../common/enums.js';
import { Organization } from '../organizations/organization.model.js';

@ObjectType('User')
export class User {
  @Field(() => ID)
  id: string;

  /** Resolved by UsersResolver: null unless the viewer may see it (see people.ts). */
  @Field(() => String, { nullable: true, description: 'Null unless you are this user, an admin, or a coordinator of their organization' })
  email: string;

  @Field()
  displayName: string;

  /** Resolved by UsersResolver: null unless the viewer may see it (see people.ts). */
  @Field(() => Role, { nullable: true, description: 'Null unless you are this user, an admin, or a coordinator of their organization' })
  role: Role;

  /** Resolved by UsersResolver: null unless the viewer may see it (see people.ts). */
  @Field(() => Boolean, {
    nullable: true,
    description:
      'A disabled user cannot sign in, and their tokens stop working at once. Null unless you are this user, an admin, or a coordinator of their organization',
  })
  disabled?: boolean;

  /** Resolved by UsersResolver: only for the user themself. */
  @Field(() => String, {
    nullable: true,
    description: 'The interface language you chose (en, fr or es); null until you choose one, and for anyone but you',
  })
  preferredLanguage?: string | null;

  /** Resolved by UserFieldsResolver through the organization loader. */
  @Field(() => Organization)
  organization?: Organization;

  organizationId: string;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Send as Authorization: Bearer <token>' })
  token: string;

  @Field(() => User)
  user: User;
}
