import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../common/errors.js';
import { Role } from '../common/enums.js';
import { gqlContext } from '../graphql/context.js';
import { AuthService } from './auth.service.js';
import type { Viewer } from './viewer.js';

/** A REST request once the guard has let it through: its signed-in user (absent on public routes). */
export type AuthenticatedRequest = FastifyRequest & { viewer?: Viewer };

const PUBLIC = 'ratify:public';
const ROLES = 'ratify:roles';

/** Marks an operation that needs no token (login). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Limits an operation to these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** For coordinators and admins: the writes of outreach work (contacts, interactions, stages...); partners read. */
export const CoordinatorsAndAdmins = () => Roles(Role.ADMIN, Role.COORDINATOR);

/**
 * Every GraphQL operation and every REST route requires a signed-in, enabled user unless marked
 * @Public(); @Roles() narrows it further. Runs on queries and mutations (not on each field), and on
 * the REST routes (downloads, uploads), whose user it reads from the same `Authorization: Bearer`
 * header, counted against the same request rate, and leaves on the request for @CurrentViewer().
 * Its refusals are AppErrors: GraphQL errors there, statuses by HttpErrorFilter here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType<string>() === 'http') return this.checkHttp(context);
    if (context.getType<string>() !== 'graphql') return true;
    const { viewer, refusal } = gqlContext(context);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows, as it was, what the context factory caught
    if (refusal) throw refusal;
    return this.allows(context, viewer);
  }

  private async checkHttp(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.viewer = (await this.auth.viewerFrom(request.headers.authorization)) ?? undefined;
    return this.allows(context, request.viewer ?? null);
  }

  private isPublic(context: ExecutionContext): boolean {
    return !!this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
  }

  private allows(context: ExecutionContext, viewer: Viewer | null): boolean {
    if (this.isPublic(context)) return true;
    if (!viewer) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(viewer.role)) {
      throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${viewer.role}`);
    }
    return true;
  }
}
