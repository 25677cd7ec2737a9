import { ArgsType, Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Posting } from '../../common/enums.js';
import {
  ExpectedVersion,
  OmittableTrimmedText,
  OptionalDate,
  OptionalEnum,
  OptionalEnumList,
  OptionalIso3,
  OptionalIso3List,
  OptionalNested,
  OptionalText,
  OptionalTrimmedText,
  OptionalUuid,
  OptionalUuidList,
  TrimmedText,
} from '../../common/fields.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull } from '../../common/validation.js';

@InputType()
export class CreateContactInput {
  @TrimmedText(1, 200)
  fullName: string;

  @OptionalText(100)
  title?: string | null;

  @OptionalText(200)
  position?: string | null;

  @OptionalEnum(Posting)
  posting?: Posting | null;

  @OptionalIso3({ description: 'ISO3 code of the State the contact represents' })
  stateIso3?: string | null;

  @OptionalUuid()
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @OptionalText(50)
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'Working languages, such as en, fr, es' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  languages?: string[];

  @OptionalText(10000)
  notes?: string | null;

  @OptionalDate({
    description: 'The day the contact took up the posting given here (default today; not after today): the start of its first posting',
  })
  postingStartedOn?: string;
}

/**
 * Every field may be left out (unchanged); nullable ones may be cleared with null, but
 * fullName and languages may not.
 */
@InputType()
export class UpdateContactInput extends PartialType(OmitType(CreateContactInput, ['fullName', 'languages', 'postingStartedOn'] as const)) {
  @ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @OmittableTrimmedText(1, 200)
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
  @OptionalIso3List({ max: 200 })
  stateIso3s?: string[];

  @OptionalUuidList({ max: 200 })
  organizationIds?: string[];

  @OptionalEnumList(Posting)
  postings?: Posting[];

  @OptionalDate({
    description: 'Contacts who held a posting on this date; stateIso3s, organizationIds and postings then apply to that posting',
  })
  postedAt?: string;

  @OptionalTrimmedText(1, 200, { description: 'Words of the name or e-mail, in any case and with or without accents; closest names first' })
  search?: string;
}

@ArgsType()
export class ContactsArgs extends PageArgs {
  @OptionalNested(ContactFilter)
  filter?: ContactFilter;
}
