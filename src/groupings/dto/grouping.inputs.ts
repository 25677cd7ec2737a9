import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { IsIso3 } from '../../common/iso3.js';

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
  @IsIso3({ each: true })
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
  @IsIso3({ each: true })
  stateIso3s?: string[];
}
