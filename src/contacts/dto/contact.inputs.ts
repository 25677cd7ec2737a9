import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Posting } from '../../common/enums.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull, trim } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class CreateContactInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @Field(() => Posting, { nullable: true })
  @IsOptional()
  @IsEnum(Posting)
  posting?: Posting | null;

  @Field(() => String, { nullable: true, description: 'ISO3 code of the State the contact represents' })
  @IsOptional()
  @IsIso3()
  stateIso3?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'Working languages, such as en, fr, es' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  languages?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the contact took up the posting given here (default today; not after today): the start of its first posting',
  })
  @IsOptional()
  postingStartedOn?: string;
}

/**
 * Every field may be left out (unchanged); nullable ones may be cleared with null, but
 * fullName and languages may not.
 */
@InputType()
export class UpdateContactInput extends PartialType(OmitType(CreateContactInput, ['fullName', 'languages', 'postingStartedOn'] as const)) {
  @Field(() => Int, { description: 'The version you read; a stale version is rejected with CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @Field(() => [String], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  languages?: string[];
}

@InputType()
export class ContactFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsIso3({ each: true })
  stateIso3s?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  @Field(() => [Posting], { nullable: true })
  @IsOptional()
  @IsEnum(Posting, { each: true })
  postings?: Posting[];

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Contacts who held a posting on this date; stateIso3s, organizationIds and postings then apply to that posting',
  })
  @IsOptional()
  postedAt?: string;

  @Field({ nullable: true, description: 'Words of the name or e-mail, in any case and with or without accents; closest names first' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  search?: string;
}

@ArgsType()
export class ContactsArgs extends PageArgs {
  @Field(() => ContactFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactFilter)
  filter?: ContactFilter;
}
