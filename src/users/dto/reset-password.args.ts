import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters, and not one of the 10,000 most used passwords` })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}
