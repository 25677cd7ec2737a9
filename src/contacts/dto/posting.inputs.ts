import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Posting } from '../../common/enums.js';
import * as input from '../../common/fields.js';
import { DateScalar } from '../../graphql/scalars.js';

@InputType()
export class AddContactPostingInput {
  @input.Uuid()
  contactId: string;

  @Field(() => Posting)
  @IsEnum(Posting)
  posting: Posting;

  @input.OptionalIso3({ description: 'ISO3 code of the State the contact represents in this posting' })
  stateIso3?: string | null;

  @input.OptionalUuid()
  organizationId?: string | null;

  @input.OptionalText(200, { description: 'Such as Permanent Representative' })
  position?: string | null;

  @Field(() => DateScalar)
  from: string;

  @input.OptionalDate({ description: 'Leave out for the posting held now: the current one then ends on `from`' })
  to?: string | null;

  @input.ExpectedVersion({ description: "The contact's version you read; a stale version is rejected with CONFLICT" })
  expectedVersion: number;
}

@InputType()
export class EndContactPostingInput {
  @input.Uuid({ description: 'The current posting' })
  postingId: string;

  @Field(() => DateScalar, { description: 'The day it ended; after its start' })
  to: string;

  @input.ExpectedVersion({ description: "The contact's version you read" })
  expectedVersion: number;
}

/** Corrects a posting. Fields left out are unchanged; `to: null` makes it the current one. */
@InputType()
export class UpdateContactPostingInput {
  @input.Uuid()
  postingId: string;

  @input.OmittableEnum(Posting)
  posting?: Posting;

  @input.OptionalIso3()
  stateIso3?: string | null;

  @input.OptionalUuid()
  organizationId?: string | null;

  @input.OptionalText(200)
  position?: string | null;

  @input.OmittableDate()
  from?: string;

  @input.OptionalDate()
  to?: string | null;

  @input.ExpectedVersion({ description: "The contact's version you read" })
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

  @input.ExpectedVersion({ description: "The survivor's version you read; a stale version is rejected with CONFLICT" })
  survivorExpectedVersion: number;

  @Field(() => [Int], { nullable: true, description: 'The versions of the duplicates you read, in the order of duplicateIds' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  duplicateExpectedVersions?: number[];
}
