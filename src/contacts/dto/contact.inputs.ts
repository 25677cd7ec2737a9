import { ArgsType, Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Posting } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { StatesAndOrganizationsFilter } from '../../common/filters.js';
import { PageArgs } from '../../common/paging/page.js';
import { OmittableNotNull } from '../../common/validation.js';

@InputType()
export class CreateContactInput {
  @input.TrimmedText(1, 200)
  fullName: string;

  @input.OptionalText(100)
  title?: string | null;

  @input.OptionalText(200)
  position?: string | null;

  @input.OptionalEnum(Posting)
  posting?: Posting | null;

  @input.OptionalIso3({ description: 'ISO3 code of the State the contact represents' })
  stateIso3?: string | null;

  @input.OptionalUuid()
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @input.OptionalText(50)
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'Working languages, such as en, fr, es' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  languages?: string[];

  @input.OptionalText(10000)
  notes?: string | null;

  @input.OptionalDate({
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
  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableTrimmedText(1, 200)
  fullName?: string;

  @Field(() => [String], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  languages?: string[];
}

@InputType()
export class ContactFilter extends StatesAndOrganizationsFilter {
  @input.OptionalEnumList(Posting)
  postings?: Posting[];

  @input.OptionalDate({
    description: 'Contacts who held a posting on this date; stateIso3s, organizationIds and postings then apply to that posting',
  })
  postedAt?: string;

  @input.OptionalTrimmedText(1, 200, {
    description: 'Words of the name or e-mail, in any case and with or without accents; closest names first',
  })
  search?: string;
}

@ArgsType()
export class ContactsArgs extends PageArgs {
  @input.OptionalNested(ContactFilter)
  filter?: ContactFilter;
}
