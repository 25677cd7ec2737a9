import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationKind } from '../common/enums.js';

@ObjectType('Organization', { description: 'A government, civil-society organization, international organization or secretariat' })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;
}
