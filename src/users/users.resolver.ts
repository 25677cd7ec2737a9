import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import { Role } from '../common/enums.js';
import { RequestLoaders } from '../graphql/context.js';
import type { Loaders } from '../graphql/loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { CreateUserInput } from './dto/create-user.input.js';
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
  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.service.create(input);
  }

  @ResolveField(() => Organization)
  async organization(@Parent() user: User, @RequestLoaders() loaders: Loaders): Promise<Organization> {
    return (await loaders.organization.load(user.organizationId))!;
  }
}
