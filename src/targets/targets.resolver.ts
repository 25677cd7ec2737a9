import type { GraphQLResolveInfo } from 'graphql';
import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '../auth/viewer.js';
import { selectsPath, type Connection } from '../common/pagination.js';
import { CurrentViewer, RequestLoaders } from '../graphql/context.js';
import type { Loaders } from '../graphql/loaders.js';
import { obstaclesFromJson } from '../obstacles/obstacles.repository.js';
import { TargetsArgs } from './dto/targets.args.js';
import { TargetConnection } from './target.model.js';
import { TargetsService, type RankedTarget } from './targets.service.js';

@Resolver()
export class TargetsResolver {
  constructor(private readonly service: TargetsService) {}

  @Query(() => TargetConnection, {
    description: 'States ranked as targets, each with a score and the reasons for it. By default the States not Party, highest score first.',
  })
  async targets(
    @CurrentViewer() viewer: Viewer,
    @Args() args: TargetsArgs,
    @RequestLoaders() loaders: Loaders,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<RankedTarget>> {
    const withObstacles = selectsPath(info, ['edges', 'node', 'state', 'obstacles']);
    const connection = await this.service.page(viewer, args, withObstacles);
    // The ranking already read each State's voting record, the newest interaction this viewer may
    // see and, when asked for, its obstacles: `state { votingRecord lastInteractionOn obstacles }`
    // costs no further statement.
    for (const { node } of connection.edges) {
      loaders.votingRecord.prime(node.state.iso3, node.votingRecord);
      loaders.lastInteractionOn.prime(node.state.iso3, node.lastContactOn);
      if (node.obstaclesJson !== undefined) loaders.obstaclesByState.prime(node.state.iso3, obstaclesFromJson(node.obstaclesJson));
    }
    return connection;
  }
}
