import { Matches, type ValidationArguments } from 'class-validator';

/** An ISO 3166-1 alpha-3 code as the States table keys them: three capital letters. */
export const ISO3_PATTERN = /^[A-Z]{3}$/;

export const isIso3 = (value: string): boolean => ISO3_PATTERN.test(value);

/**
 * A State's ISO3 code (`each`: every element of a list is one), refused with a message that names
 * the field: "stateIso3 must be an ISO 3166-1 alpha-3 code such as VUT". Whether the State exists
 * is the service's check (see checkStates).
 */
export function IsIso3(options: { each?: boolean } = {}): PropertyDecorator {
  return Matches(ISO3_PATTERN, {
    each: options.each,
    message: ({ property }: ValidationArguments) =>
      `${options.each ? 'each of ' : ''}${property} must be an ISO 3166-1 alpha-3 code such as VUT`,
  });
}
