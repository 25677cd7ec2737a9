import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../common/enums.js';
import { Organization } from '../organizations/organization.model.js';

@ObjectType('User')
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'A disabled user cannot sign in, and their tokens stop working at once' })
  disabled?: boolean;

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
