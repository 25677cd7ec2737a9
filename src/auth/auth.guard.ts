import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '../common/errors.js';
import { Role } from '../common/enums.js';
import { gqlContext } from '../graphql/context.js';

const PUBLIC = 'ratify:public';
const ROLES = 'ratify:roles';

/** Marks an operation that needs no token (login). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Limits an operation to these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Writes (contacts, interactions, stages) are for coordinators and admins. */
export const Writers = () => Roles(Role.ADMIN, Role.COORDINATOR);

/**
 * Every GraphQL operation requires a signed-in, enabled user unless marked @Public();
 * @Roles() narrows it further. Runs on queries and mutations (not on each field).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    const { viewer, refusal } = gqlContext(context);
    if (refusal) throw refusal;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    if (!viewer) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(viewer.role)) {
      throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${viewer.role}`);
    }
    return true;
  }
}
