import { Args, ID, Int } from '@nestjs/graphql';

/** An ID argument: `id`, or the name given. */
export const IdArg = (name = 'id') => Args(name, { type: () => ID });

/** The `expectedVersion` argument: the version the client read, refused with CONFLICT when stale. */
export const ExpectedVersionArg = (options: { nullable?: boolean; description?: string } = {}) =>
  Args('expectedVersion', { type: () => Int, ...options });
