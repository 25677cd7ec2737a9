import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Posting } from '../../common/enums.js';
import { OmittableNotNull } from '../../common/validation.js';
import { DateScalar } from '../../graphql/scalars.js';
import { IsIso3 } from '../../common/iso3.js';

@InputType()
export class AddContactPostingInput {
  @Field(() => ID)
  @IsUUID()
  contactId: string;

  @Field(() => Posting)
  @IsEnum(Posting)
  posting: Posting;

  @Field(() => String, { nullable: true, description: 'ISO3 code of the State the contact represents in this posting' })
  @IsOptional()
  @IsIso3()
  stateIso3?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Such as Permanent Representative' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Leave out for the posting held now: the current one then ends on `from`',
  })
  @IsOptional()
  to?: string | null;

  @Field(() => Int, { description: "The contact's version you read; a stale version is rejected with CONFLICT" })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class EndContactPostingInput {
  @Field(() => ID, { description: 'The current posting' })
  @IsUUID()
  postingId: string;

  @Field(() => DateScalar, { description: 'The day it ended; after its start' })
  to: string;

  @Field(() => Int, { description: "The contact's version you read" })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/** Corrects a posting. Fields left out are unchanged; `to: null` makes it the current one. */
@InputType()
export class UpdateContactPostingInput {
  @Field(() => ID)
  @IsUUID()
  postingId: string;

  @Field(() => Posting, { nullable: true })
  @OmittableNotNull()
  @IsEnum(Posting)
  posting?: Posting;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIso3()
  stateIso3?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @IsString()
  from?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  to?: string | null;

  @Field(() => Int, { description: "The contact's version you read" })
  @IsInt()
  @Min(1)
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

  @Field(() => Int, { description: "The survivor's version you read; a stale version is rejected with CONFLICT" })
  @IsInt()
  @Min(1)
  survivorExpectedVersion: number;

  @Field(() => [Int], { nullable: true, description: 'The versions of the duplicates you read, in the order of duplicateIds' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  duplicateExpectedVersions?: number[];
}
