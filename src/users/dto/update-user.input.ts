import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { Role } from '../../common/enums.js';
import * as input from '../../common/fields.js';

@InputType({ description: 'Fields left out are not changed' })
export class UpdateUserInput {
  @input.Uuid()
  id: string;

  @input.OptionalEnum(Role)
  role?: Role;

  @input.OptionalUuid()
  organizationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;
}
