import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import * as input from '../../common/fields.js';

@ArgsType()
export class ResetPasswordArgs {
  @input.Uuid()
  userId: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters, and not one of the 10,000 most used passwords` })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}
