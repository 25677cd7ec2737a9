import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { Role } from '../../common/enums.js';
import { OptionalEnum, OptionalUuid, Uuid } from '../../common/fields.js';

@InputType({ description: 'Fields left out are not changed' })
export class UpdateUserInput {
  @Uuid()
  id: string;

  @OptionalEnum(Role)
  role?: Role;

  @OptionalUuid()
  organizationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;
}
