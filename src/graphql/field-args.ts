import type { Type } from '@nestjs/common';
import { TypeMetadataStorage } from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { pageArgsInRange, PageArgs } from '../common/paging/page.js';
import { invalidInput, refuseUnstorableText } from '../common/validation.js';

/**
 * Declares the arguments of a field resolver (`@ResolveField`) in the schema, from an `@ArgsType()`
 * class, as `@Args()` does, but without a parameter pipe: Nest then calls the method directly
 * (its fast path for field resolvers without parameter decorators) instead of through its per-call
 * execution context and pipes, several promises for every row of a list. The method checks the
 * arguments itself with checkArgs, unless their GraphQL types are all the checking they need.
 */
export function FieldArgs(dto: Type<object>): ParameterDecorator {
  return (target, methodName, index) => {
    TypeMetadataStorage.addMethodParamMetadata({
      kind: 'args',
      target: target.constructor,
      methodName: methodName as string,
      typeFn: () => dto,
      options: {},
      index,
    });
  };
}

/**
 * The arguments of a field resolver checked as the validation pipe checks a query's `@Args()` (or,
 * with its name as `path`, one argument's `@Args(path)`): text that cannot be stored, then the
 * class's class-validator rules (BAD_USER_INPUT with the same problems); returns them as an
 * instance of the class, transformed.
 */
export function checkArgs<T extends object>(dto: Type<T>, args: object, path = ''): T {
  refuseUnstorableText(args, path);
  const checked = plainToInstance(dto, args);
  const errors = validateSync(checked);
  if (errors.length) throw invalidInput(errors);
  return checked;
}

/**
 * A connection field's page arguments, checked as checkArgs checks them: for a field on every row
 * of a list, arguments within PageArgs' limits (nearly always) cost two comparisons instead of a
 * class-validator run per row; others get checkArgs' own error.
 */
export function checkPageArgs(args: PageArgs): PageArgs {
  return pageArgsInRange(args) ? args : checkArgs(PageArgs, args);
}
