import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, Matches } from 'class-validator';
import { TreatyActionKind } from '../common/enums.js';
import * as input from '../common/fields.js';
import { trim } from '../common/validation.js';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.js';
import { IsIso3 } from '../common/iso3.js';

const URL = /^https?:\/\/\S+$/;
const URL_MESSAGE = 'sourceUrl must be the http(s) address of the source, such as the UN Treaty Collection page or depositary notification';

@ObjectType('TreatyAction', { description: 'A treaty action recorded by an admin after the treaty record file, with its source' })
export class TreatyAction {
  @Field(() => ID)
  id: string;

  @Field()
  stateIso3: string;

  @Field(() => TreatyActionKind)
  action: TreatyActionKind;

  @Field(() => DateScalar, { description: 'The date of the signature or deposit; for a withdrawal, the date it took effect' })
  date: string;

  @Field()
  sourceUrl: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'True once the treaty record file gives the same action: it is counted once' })
  inFile: boolean;

  @Field(() => DateTimeScalar)
  recordedAt: Date;

  @Field(() => Int)
  version: number;
}

@InputType()
export class RecordTreatyActionInput {
  @Field({ description: 'ISO 3166-1 alpha-3 code, such as VUT' })
  @Transform(trim)
  @IsIso3()
  stateIso3: string;

  @Field(() => TreatyActionKind)
  @IsEnum(TreatyActionKind)
  action: TreatyActionKind;

  @Field(() => DateScalar, { description: 'The date of the signature or deposit; for a withdrawal, the date it takes effect' })
  date: string;

  @input.TrimmedText(1, 2000)
  @Matches(URL, { message: URL_MESSAGE })
  sourceUrl: string;

  @input.OptionalTrimmedText(0, 2000)
  note?: string | null;
}

@InputType()
export class UpdateTreatyActionInput {
  @input.Uuid()
  id: string;

  @input.ExpectedVersion({ description: 'The version you read; a stale version is rejected with CONFLICT' })
  expectedVersion: number;

  @input.OmittableEnum(TreatyActionKind)
  action?: TreatyActionKind;

  @input.OmittableDate()
  date?: string;

  @input.OmittableTrimmedText(1, 2000)
  @Matches(URL, { message: URL_MESSAGE })
  sourceUrl?: string;

  @input.OptionalTrimmedText(0, 2000)
  note?: string | null;
}
