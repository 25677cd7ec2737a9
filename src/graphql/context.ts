import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
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
 * The arguments of a field that takes none. A field resolver is written without Nest's parameter
 * decorators, as `(parent, args: NoArgs, context: GqlContext, info)`, GraphQL's own parameters:
 * Nest then calls it directly, without its per-call pipes and execution context (see FieldArgs for
 * a field with arguments).
 */
export type NoArgs = Record<string, never>;

export function gqlContext(context: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(context).getContext<GqlContext>();
}

/** The signed-in user of a request; the auth guard has already rejected requests without one. */
export function signedIn({ viewer }: { viewer?: Viewer | null }): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** The signed-in user, of a GraphQL operation or a REST route (see signedIn). */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer =>
  signedIn(context.getType<string>() === 'http' ? context.switchToHttp().getRequest<{ viewer?: Viewer }>() : gqlContext(context)),
);

/** The request's DataLoaders. */
export const RequestLoaders = createParamDecorator((_: unknown, context: ExecutionContext): Loaders => gqlContext(context).loaders);
