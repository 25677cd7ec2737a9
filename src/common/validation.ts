import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ValidateIf, type ValidationError, type ValidationOptions } from 'class-validator';
import { badInput, type AppError } from './errors.js';

/**
 * For partial updates: the field may be left out, but when present it must not be null
 * (unlike @IsOptional(), which lets null through).
 */
export function OmittableNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** Trims a string input; empty strings stay empty so that length checks reject them. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const isPlainData = (value: object) =>
  Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/** A UTF-16 surrogate not in a pair: such a string is not Unicode text. */
const LONE_SURROGATE = /\p{Surrogate}/u;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'text cannot contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'text must be valid Unicode (it holds a lone surrogate)';
  return undefined;
}

/**
 * The first text in `value` that cannot be stored as sent, with where it is: a NUL character
 * (PostgreSQL text cannot hold one) or a lone surrogate (validators and the driver choke on it or
 * silently replace it). For example "input.languages[1]: text cannot contain ...".
 */
export function unstorableTextAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem && `${path}: ${problem}`;
  }
  if (value === null || typeof value !== 'object' || !isPlainData(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = unstorableTextAt(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** Refuses (BAD_USER_INPUT) a value holding text that cannot be stored (see unstorableTextAt). */
export function refuseUnstorableText(value: unknown, path: string): void {
  const problem = unstorableTextAt(value, path);
  if (problem) throw badInput(`Invalid input: ${problem}`, { problems: [problem] });
}

/** "input.subject: subject must be longer than or equal to 1 characters; ..." */
function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/** The BAD_USER_INPUT error for what class-validator found wrong, each problem with its path. */
export function invalidInput(errors: ValidationError[]): AppError {
  const problems = describe(errors);
  return badInput(`Invalid input: ${problems.join('; ')}`, { problems });
}

/** The kind of a GraphQL resolver's `@Args()` parameter, as Nest hands it to pipes (GqlParamtype.ARGS). */
const GRAPHQL_ARGS = 3;

/** Whether a parameter holds what a client sent: GraphQL arguments, or an HTTP body, query or route parameter. */
function isClientInput(type: ArgumentMetadata['type'] | number): boolean {
  return type === GRAPHQL_ARGS || type === 'body' || type === 'query' || type === 'param';
}

/**
 * The ValidationPipe for what clients send, refusing first any argument that holds text that cannot
 * be stored. Other parameters pass untouched: a field resolver's parent, context and info are the
 * service's own values (validating each parent would copy it on every field of every row).
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!isClientInput(metadata.type)) return value;
    refuseUnstorableText(value, metadata.data ?? '');
    return super.transform(value, metadata);
  }
}
