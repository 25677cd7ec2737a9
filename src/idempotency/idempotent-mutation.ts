import { applyDecorators } from '@nestjs/common';
import { Mutation, type MutationOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { Idempotent } from './idempotency.js';

/** A create mutation that accepts an idempotency key (see Idempotent); its resolver takes an `@IdempotencyKey()` parameter. */
export const IdempotentMutation = (type: ReturnTypeFunc, options?: MutationOptions) =>
  applyDecorators(Mutation(type, options), Idempotent());
