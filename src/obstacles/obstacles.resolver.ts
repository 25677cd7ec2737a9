import type { GraphQLResolveInfo } from 'graphql';
import { Args, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import type { Connection } from '../common/paging/connection.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { listOptions } from '../graphql/selection.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { UserLoaders } from '../users/user.loaders.js';
import { User } from '../users/user.model.js';
import { ObstaclesArgs, RecordObstacleInput, ResolveObstacleArgs, UpdateObstacleInput } from './dto/obstacle.inputs.js';
import { Obstacle, ObstacleConnection } from './obstacle.model.js';
import { ObstaclesService } from './obstacles.service.js';
import { ObstaclesRepository } from './obstacles.repository.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Page } from '../common/paging/page.js';
import { OBSTACLE_CURSOR, obstacleSortKey } from './obstacles.repository.js';

/**
 * Every role reads the obstacles it may see under their visibility (default COORDINATORS);
 * coordinators and admins record and change them.
 */
@Resolver(() => Obstacle)
export class ObstaclesResolver {
  constructor(
    private readonly service: ObstaclesService,
    private readonly repository: ObstaclesRepository,
  ) {}

  @Query(() => Obstacle, { nullable: true })
  obstacle(@CurrentViewer() viewer: Viewer, @IdArg() id: string): Promise<Obstacle | null> {
    return this.repository.visibleById(viewer, id);
  }

  @Query(() => ObstacleConnection, { description: 'Obstacles, newest recordedOn first (ties by id), filtered' })
  obstacles(@CurrentViewer() viewer: Viewer, @Args() args: ObstaclesArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<Obstacle>> {
    const read = (page: Page) => this.repository.page(viewer, args.filter ?? {}, page);
    return pageOf(args, OBSTACLE_CURSOR, obstacleSortKey, read, listOptions(info).withTotal);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Obstacle, { description: 'Records an OPEN obstacle raised by a State' })
  recordObstacle(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordObstacleInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Obstacle> {
    return this.service.record(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Obstacle, { description: 'Corrects an obstacle; stateIso3 moves it to another State' })
  updateObstacle(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @Args('input') input: UpdateObstacleInput): Promise<Obstacle> {
    return this.service.update(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, {
    description:
      'Deletes an obstacle recorded by mistake (audited); returns its id. The rights are those of updateObstacle; a stale expectedVersion is rejected with CONFLICT',
  })
  deleteObstacle(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Obstacle, {
    description: 'Marks an OPEN obstacle ADDRESSED. Resolving one that is already ADDRESSED is rejected with CONFLICT',
  })
  resolveObstacle(@CurrentViewer() viewer: Viewer, @Args() args: ResolveObstacleArgs): Promise<Obstacle> {
    return this.service.resolve(viewer, args);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Obstacle, {
    description: 'Reopens an ADDRESSED obstacle, clearing resolvedOn. Reopening one that is already OPEN is rejected with CONFLICT',
  })
  reopenObstacle(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<Obstacle> {
    return this.service.reopen(viewer, id, expectedVersion);
  }

  @ResolveField(() => State)
  async state(obstacle: Obstacle, _args: NoArgs, { loaders }: GqlContext): Promise<State> {
    return (await loaders.get(StateLoaders).state.load(obstacle.stateIso3))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'Null when that user was deleted' })
  recordedBy(obstacle: Obstacle, _args: NoArgs, { loaders }: GqlContext): Promise<User | null> | null {
    return obstacle.recordedById ? loaders.get(UserLoaders).user.load(obstacle.recordedById) : null;
  }
}
