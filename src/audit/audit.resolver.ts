import type { GqlContext, NoArgs } from '../graphql/context.js';
import { listOptions } from '../graphql/selection.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Info, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import { Role } from '../common/enums.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Page } from '../common/paging/page.js';
import type { Connection } from '../common/paging/connection.js';
import { UserLoaders } from '../users/user.loaders.js';

import { User } from '../users/user.model.js';
import { AuditArgs, AuditConnection, AuditEntry } from './audit.model.js';
import { AuditRepository, type AuditRow } from './audit.repository.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditConnection, { description: 'Who changed what and when, newest first (admins only)' })
  auditLog(@Args() args: AuditArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<AuditRow>> {
    const read = (page: Page) => this.audit.page(args.filter ?? {}, page);
    return pageOf(args, ['timestamp', 'uuid'], (row) => [row.atKey, row.id], read, listOptions(info).withTotal);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null for the data import and for users since removed' })
  actor(entry: AuditEntry, _args: NoArgs, { loaders }: GqlContext): Promise<User | null> | null {
    return entry.actorId ? loaders.get(UserLoaders).user.load(entry.actorId) : null;
  }
}
