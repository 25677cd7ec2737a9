import { applyDecorators } from '@nestjs/common';
import { Field, ID, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
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
import { DateScalar } from '../graphql/scalars.js';
import { IsIso3 } from './iso3.js';
import { OmittableNotNull, trim } from './validation.js';

/*
 * Input fields that many inputs share: each decorator is the GraphQL field with its checks, in the
 * order they were written one above the other. `Optional…` fields may be null or left out
 * (@IsOptional); `Omittable…` ones, for partial updates, may be left out but not be null
 * (OmittableNotNull). Imported as one namespace (`import * as input from '…/common/fields.js'`,
 * then `@input.OptionalDate()`), so that a field's checks read apart from class-validator's own.
 */

/** What a field says of itself in the schema. */
export interface Described {
  description?: string;
}

/** The size limits of a list: ArrayMinSize, ArrayMaxSize and, with `unique`, ArrayUnique. */
export interface ListLimits extends Described {
  min?: number;
  max: number;
  unique?: boolean;
}

type Decorator = PropertyDecorator | MethodDecorator | ClassDecorator;

/** applyDecorators, bottom-up as when stacked on a property, so that class-validator keeps their order. */
const stacked = (...decorators: Decorator[]) => applyDecorators(...decorators.reverse());

const nullable = (options: Described = {}) => ({ ...options, nullable: true });

/** A list's size checks, in the order ArrayMinSize, ArrayMaxSize, ArrayUnique. */
function sizeChecks({ min, max, unique }: ListLimits): PropertyDecorator[] {
  return [...(min === undefined ? [] : [ArrayMinSize(min)]), ArrayMaxSize(max), ...(unique ? [ArrayUnique()] : [])];
}

const described = ({ description }: Described): Described => (description === undefined ? {} : { description });

/** A required string, trimmed, of `min` to `max` characters. */
export const TrimmedText = (min: number, max: number, options?: Described) =>
  stacked(
    Field(() => String, options),
    Transform(trim),
    IsString(),
    Length(min, max),
  );

/** An optional string, trimmed, of `min` to `max` characters. */
export const OptionalTrimmedText = (min: number, max: number, options?: Described) =>
  stacked(
    Field(() => String, nullable(options)),
    IsOptional(),
    Transform(trim),
    IsString(),
    Length(min, max),
  );

/** An omittable string, trimmed, of `min` to `max` characters. */
export const OmittableTrimmedText = (min: number, max: number, options?: Described) =>
  stacked(
    Field(() => String, nullable(options)),
    OmittableNotNull(),
    Transform(trim),
    IsString(),
    Length(min, max),
  );

/** Optional free text of at most `max` characters, kept as sent. */
export const OptionalText = (max: number, options?: Described) =>
  stacked(
    Field(() => String, nullable(options)),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

/** An optional date (YYYY-MM-DD). */
export const OptionalDate = (options?: Described) =>
  stacked(
    Field(() => DateScalar, nullable(options)),
    IsOptional(),
  );

/** An omittable date (YYYY-MM-DD). */
export const OmittableDate = (options?: Described) =>
  stacked(
    Field(() => DateScalar, nullable(options)),
    OmittableNotNull(),
    IsString(),
  );

/** An optional true or false. */
export const OptionalBoolean = (options?: Described) =>
  stacked(
    Field(() => Boolean, nullable(options)),
    IsOptional(),
    IsBoolean(),
  );

/** An optional value of a GraphQL enum. */
export const OptionalEnum = (type: object, options?: Described) =>
  stacked(
    Field(() => type, nullable(options)),
    IsOptional(),
    IsEnum(type),
  );

/** An omittable value of a GraphQL enum. */
export const OmittableEnum = (type: object, options?: Described) =>
  stacked(
    Field(() => type, nullable(options)),
    OmittableNotNull(),
    IsEnum(type),
  );

/** An optional list of values of a GraphQL enum (a filter's, mostly). */
export const OptionalEnumList = (type: object, options?: Described) =>
  stacked(
    Field(() => [type], nullable(options)),
    IsOptional(),
    IsEnum(type, { each: true }),
  );

/** A required UUID, as a GraphQL ID. */
export const Uuid = (options?: Described) =>
  stacked(
    Field(() => ID, options),
    IsUUID('all'),
  );

/** An optional UUID, as a GraphQL ID. */
export const OptionalUuid = (options?: Described) =>
  stacked(
    Field(() => ID, nullable(options)),
    IsOptional(),
    IsUUID('all'),
  );

/** The optional mandate a piece of coordinators' work (an interaction, event, campaign, obstacle…) belongs to. */
export const MandateOfWork = () =>
  OptionalUuid({
    description:
      "The mandate whose work this is: its organizations share it (see MANDATE visibility). Yours to edit. Default: none, or with MANDATE visibility your organization's current mandate",
  });

/** An optional list of UUIDs, as GraphQL IDs. */
export const OptionalUuidList = (limits: ListLimits) =>
  stacked(
    Field(() => [ID], nullable(described(limits))),
    IsOptional(),
    ...sizeChecks(limits),
    IsUUID('all', { each: true }),
  );

/** An omittable list of UUIDs, as GraphQL IDs. */
export const OmittableUuidList = (limits: ListLimits) =>
  stacked(
    Field(() => [ID], nullable(described(limits))),
    OmittableNotNull(),
    ...sizeChecks(limits),
    IsUUID('all', { each: true }),
  );

/** An optional State's ISO3 code. */
export const OptionalIso3 = (options?: Described) =>
  stacked(
    Field(() => String, nullable(options)),
    IsOptional(),
    IsIso3(),
  );

/** A required list of States' ISO3 codes. */
export const Iso3List = (limits: ListLimits) =>
  stacked(
    Field(() => [String], described(limits)),
    ...sizeChecks(limits),
    IsIso3({ each: true }),
  );

/** An optional list of States' ISO3 codes. */
export const OptionalIso3List = (limits: ListLimits) =>
  stacked(
    Field(() => [String], nullable(described(limits))),
    IsOptional(),
    ...sizeChecks(limits),
    IsIso3({ each: true }),
  );

/** An omittable list of States' ISO3 codes. */
export const OmittableIso3List = (limits: ListLimits) =>
  stacked(
    Field(() => [String], nullable(described(limits))),
    OmittableNotNull(),
    ...sizeChecks(limits),
    IsIso3({ each: true }),
  );

/** An optional input object, validated in turn (a list's filter). */
export const OptionalNested = (type: new () => object, options?: Described) =>
  stacked(
    Field(() => type, nullable(options)),
    IsOptional(),
    ValidateNested(),
    Type(() => type),
  );

/** The version of a row the client read: a stale one is refused with CONFLICT. */
export const ExpectedVersion = (options?: Described) =>
  stacked(
    Field(() => Int, options),
    IsInt(),
    Min(1),
  );

/** An optional expected version: without it, the row is changed whatever its version. */
export const OptionalExpectedVersion = (options?: Described) =>
  stacked(
    Field(() => Int, nullable(options)),
    IsOptional(),
    IsInt(),
    Min(1),
  );
