import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { CreateGroupingInput, UpdateGroupingInput } from './dto/grouping.inputs.js';
import { GroupingLoaders } from './grouping.loaders.js';
import { Grouping } from './grouping.model.js';
import { GroupingsService } from './groupings.service.js';

@Resolver(() => Grouping)
export class GroupingsResolver {
  constructor(private readonly service: GroupingsService) {}

  @Query(() => [Grouping], { description: 'Every grouping, by name' })
  groupings(): Promise<Grouping[]> {
    return this.service.list();
  }

  @Query(() => Grouping, { nullable: true })
  grouping(@IdArg() id: string): Promise<Grouping | null> {
    return this.service.get(id);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Grouping)
  createGrouping(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateGroupingInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Grouping> {
    return this.service.create(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Grouping)
  updateGrouping(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @Args('input') input: UpdateGroupingInput): Promise<Grouping> {
    return this.service.update(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, { description: 'Deletes a grouping (its States stay); returns its id' })
  deleteGrouping(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @ExpectedVersionArg({ nullable: true }) expectedVersion?: number,
  ): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion ?? undefined);
  }

  @ResolveField(() => [State], { description: 'By name' })
  async states(grouping: Grouping, _args: NoArgs, { loaders }: GqlContext): Promise<State[]> {
    if (grouping.frozenStates) return grouping.frozenStates;
    return loaders.get(GroupingLoaders).statesByGrouping.load(grouping.id);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null when that user was deleted' })
  createdBy(grouping: Grouping, _args: NoArgs, { loaders }: GqlContext): Promise<User | null> | null {
    return grouping.createdById ? loaders.get(UserLoaders).user.load(grouping.createdById) : null;
  }
}
