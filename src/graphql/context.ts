import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { unauthenticated } from '../common/errors.js';
import type { Loaders } from './loaders.js';

export interface GqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  /** Null when the request carries no valid token (then only public operations run). */
  viewer: Viewer | null;
  /** Why the request may not run at all (a rate limit, the database unreachable), when that is so. */
  refusal?: unknown;
  loaders: Loaders;
}

/**
 * The arguments of a field that takes none. A field resolver written without parameter decorators,
 * as `(parent, args: NoArgs, context: GqlContext)`, receives GraphQL's own arguments and is called
 * directly, without Nest's per-call pipes and execution context: the form for fields resolved on
 * every row of a list. Fields with arguments keep `@Args()`, so that their input is validated.
 */
export type NoArgs = Record<string, never>;

/**
 * For a field resolver resolved on every row of a list that takes arguments: written
 * `(parent, @Args() args: SomeArgs, context, info)`, the parameters in GraphQL's own order, it is
 * called directly as a resolver without parameter decorators is, instead of through Nest's per-call
 * pipes and execution context (several promises per call). `@Args()` then only declares the
 * arguments in the schema; no validation pipe sees them, so either their GraphQL type is all the
 * checking they need (an enum, a date) or the resolver checks them itself (`checkedPageArgs`).
 */
export function DirectArgs(): MethodDecorator {
  // Parameter decorators are applied before method decorators: their pipe metadata is here to drop.
  return (target, key) => {
    Reflect.deleteMetadata(ROUTE_ARGS_METADATA, target.constructor, key);
  };
}

export function gqlContext(context: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(context).getContext<GqlContext>();
}

/** The signed-in user, of a GraphQL operation or a REST route; the auth guard has already rejected requests without one. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const viewer = context.getType<string>() === 'http' ? context.switchToHttp().getRequest<{ viewer?: Viewer }>().viewer : gqlContext(context).viewer;
  if (!viewer) throw unauthenticated();
  return viewer;
});

/** The request's DataLoaders. */
export const RequestLoaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): Loaders => gqlContext(context).loaders,
);
