import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Posting } from '../../common/enums.js';
import {
  ExpectedVersion,
  OmittableDate,
  OmittableEnum,
  OptionalDate,
  OptionalIso3,
  OptionalText,
  OptionalUuid,
  Uuid,
} from '../../common/fields.js';
import { DateScalar } from '../../graphql/scalars.js';

@InputType()
export class AddContactPostingInput {
  @Uuid()
  contactId: string;

  @Field(() => Posting)
  @IsEnum(Posting)
  posting: Posting;

  @OptionalIso3({ description: 'ISO3 code of the State the contact represents in this posting' })
  stateIso3?: string | null;

  @OptionalUuid()
  organizationId?: string | null;

  @OptionalText(200, { description: 'Such as Permanent Representative' })
  position?: string | null;

  @Field(() => DateScalar)
  from: string;

  @OptionalDate({ description: 'Leave out for the posting held now: the current one then ends on `from`' })
  to?: string | null;

  @ExpectedVersion({ description: "The contact's version you read; a stale version is rejected with CONFLICT" })
  expectedVersion: number;
}

@InputType()
export class EndContactPostingInput {
  @Uuid({ description: 'The current posting' })
  postingId: string;

  @Field(() => DateScalar, { description: 'The day it ended; after its start' })
  to: string;

  @ExpectedVersion({ description: "The contact's version you read" })
  expectedVersion: number;
}

/** Corrects a posting. Fields left out are unchanged; `to: null` makes it the current one. */
@InputType()
export class UpdateContactPostingInput {
  @Uuid()
  postingId: string;

  @OmittableEnum(Posting)
  posting?: Posting;

  @OptionalIso3()
  stateIso3?: string | null;

  @OptionalUuid()
  organizationId?: string | null;

  @OptionalText(200)
  position?: string | null;

  @OmittableDate()
  from?: string;

  @OptionalDate()
  to?: string | null;

  @ExpectedVersion({ description: "The contact's version you read" })
  expectedVersion: number;
}

@InputType()
export class MergeContactsInput {
  @Field(() => ID, { description: 'The contact that stays' })
  survivorId: string;

  @Field(() => [ID], { description: 'The contacts merged into it, then deleted' })
  @ArrayMinSize(1, { message: 'duplicateIds must name at least one contact' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'duplicateIds must not repeat a contact' })
  @IsUUID('all', { each: true })
  duplicateIds: string[];

  @ExpectedVersion({ description: "The survivor's version you read; a stale version is rejected with CONFLICT" })
  survivorExpectedVersion: number;

  @Field(() => [Int], { nullable: true, description: 'The versions of the duplicates you read, in the order of duplicateIds' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  duplicateExpectedVersions?: number[];
}
