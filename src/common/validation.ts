import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * For partial updates: the field may be left out, but when present it must not be null
 * (unlike @IsOptional(), which lets null through).
 */
export function OmittableNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** Trims a string input; empty strings stay empty so that length checks reject them. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
