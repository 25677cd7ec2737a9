import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { trim } from '../../common/validation.js';

@ArgsType()
export class OrganizationsArgs {
  @Field({ nullable: true, description: 'Words of the name, in any case and with or without accents' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  search?: string;
}
