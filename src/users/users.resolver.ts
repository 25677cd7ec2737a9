import type { Viewer } from '../auth/viewer.js';
import { IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import { Role } from '../common/enums.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';

import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { Organization } from '../organizations/organization.model.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { UpdateUserInput } from './dto/update-user.input.js';
import { ResetPasswordArgs } from './dto/reset-password.args.js';
import { maySeeAccount } from './people.js';
import { User } from './user.model.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Roles(Role.ADMIN)
  @Query(() => [User])
  users(): Promise<User[]> {
    return this.service.list();
  }

  @Roles(Role.ADMIN)
  @IdempotentMutation(() => User)
  createUser(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateUserInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<User> {
    return this.service.create(viewer, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description:
      "Changes a user's role, organization or display name; open connections of that user are closed when the role or organization changed",
  })
  updateUser(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.service.update(viewer, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description: 'Disables an account: it can no longer sign in, its tokens stop working at once, and its open WebSockets are closed',
  })
  disableUser(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<User> {
    return this.service.setDisabled(viewer, id, true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User)
  enableUser(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<User> {
    return this.service.setDisabled(viewer, id, false);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'Sets a new password for a user; every token issued to them before stops working' })
  resetPassword(@CurrentViewer() viewer: Viewer, @Args() { userId, newPassword }: ResetPasswordArgs): Promise<User> {
    return this.service.resetPassword(viewer, userId, newPassword);
  }

  @Mutation(() => User, { description: 'Sets the interface language you chose: en, fr or es' })
  setPreferredLanguage(@CurrentViewer() viewer: Viewer, @Args('language') language: string): Promise<User> {
    return this.service.setPreferredLanguage(viewer, language);
  }

  @ResolveField(() => String, { nullable: true })
  async preferredLanguage(user: User, _args: NoArgs, { viewer }: GqlContext): Promise<string | null> {
    if (!viewer || viewer.id !== user.id) return null;
    return user.preferredLanguage !== undefined ? user.preferredLanguage : this.service.preferredLanguage(user.id);
  }

  @ResolveField(() => String, { nullable: true })
  email(user: User, _args: NoArgs, { viewer }: GqlContext): string | null {
    return maySeeAccount(viewer, user) ? user.email : null;
  }

  @ResolveField(() => Role, { nullable: true })
  role(user: User, _args: NoArgs, { viewer }: GqlContext): Role | null {
    return maySeeAccount(viewer, user) ? user.role : null;
  }

  @ResolveField(() => Boolean, { nullable: true })
  disabled(user: User, _args: NoArgs, { viewer }: GqlContext): boolean | null {
    return maySeeAccount(viewer, user) ? (user.disabled ?? false) : null;
  }

  @ResolveField(() => Organization)
  async organization(user: User, _args: NoArgs, { loaders }: GqlContext): Promise<Organization> {
    return (await loaders.get(OrganizationLoaders).organization.load(user.organizationId))!;
  }
}
