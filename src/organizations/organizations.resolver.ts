import type { Viewer } from '../auth/viewer.js';
import { CurrentViewer } from '../graphql/context.js';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import { Role } from '../common/enums.js';
import { Idempotent, IdempotencyKey } from '../idempotency/idempotency.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { OrganizationsArgs } from './dto/organizations.args.js';
import { Organization } from './organization.model.js';
import { OrganizationsService } from './organizations.service.js';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => [Organization])
  organizations(@Args() args: OrganizationsArgs): Promise<Organization[]> {
    return this.service.list(args.search);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Organization)
  @Idempotent()
  createOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateOrganizationInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Organization> {
    return this.service.create(viewer, input);
  }
}
