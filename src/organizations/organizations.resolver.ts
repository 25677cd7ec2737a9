import type { Viewer } from '../auth/viewer.js';
import { CurrentViewer } from '../graphql/context.js';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import { Role } from '../common/enums.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { OrganizationsArgs } from './dto/organizations.args.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
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
  @IdempotentMutation(() => Organization)
  createOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateOrganizationInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Organization> {
    return this.service.create(viewer, input);
  }
}
