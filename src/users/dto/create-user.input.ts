import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, Length, MaxLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { Role } from '../../common/enums.js';
import * as input from '../../common/fields.js';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  displayName: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @input.Uuid()
  organizationId: string;

  /** Checked against the password policy (length, most used passwords) by UsersService. */
  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters, and not one of the 10,000 most used passwords` })
  @IsString()
  @MaxLength(200)
  password: string;
}
