import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { OmittableNotNull, trim } from '../../common/validation.js';

const ISO3 = /^[A-Z]{3}$/;
const ISO3_MESSAGE = 'each of stateIso3s must be an ISO 3166-1 alpha-3 code such as VUT';

@InputType()
export class CreateGroupingInput {
  @Field({ description: 'Unique regardless of case' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO3 codes of its States (default: none)' })
  @IsOptional()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @Matches(ISO3, { each: true, message: ISO3_MESSAGE })
  stateIso3s?: string[];
}

/** Every field may be left out (unchanged); given States replace the current ones. */
@InputType()
export class UpdateGroupingInput {
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces its States' })
  @OmittableNotNull()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @Matches(ISO3, { each: true, message: ISO3_MESSAGE })
  stateIso3s?: string[];
}
