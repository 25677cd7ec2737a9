import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import { OrganizationKind } from '../../common/enums.js';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;
}
