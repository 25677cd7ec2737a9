import type { GraphQLResolveInfo } from 'graphql';
import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '../auth/viewer.js';
import { selectionAt } from '../graphql/selection.js';
import type { Connection } from '../common/paging/connection.js';
import { CurrentViewer, RequestLoaders } from '../graphql/context.js';
import type { Loaders } from '../graphql/loaders.js';
import { InteractionLoaders } from '../interactions/interaction.loaders.js';
import { OBSTACLE_JSON, obstaclesFromJson } from '../obstacles/obstacles.repository.js';
import { VoteLoaders } from '../votes/vote.loaders.js';
import { TargetsArgs } from './dto/targets.args.js';
import { TargetConnection } from './target.model.js';
import { TargetsService, type RankedTarget } from './targets.service.js';

@Resolver()
export class TargetsResolver {
  constructor(private readonly service: TargetsService) {}

  @Query(() => TargetConnection, {
    description:
      'States ranked as targets, each with a score and the reasons for it. By default the States not Party, highest score first.',
  })
  async targets(
    @CurrentViewer() viewer: Viewer,
    @Args() args: TargetsArgs,
    @RequestLoaders() loaders: Loaders,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<RankedTarget>> {
    const obstacleFields = selectionAt(info, ['edges', 'node', 'state', 'obstacles']);
    const connection = await this.service.page(viewer, args, obstacleFields && OBSTACLE_JSON.properties(obstacleFields));
    // The ranking already read each State's voting record, the newest interaction this viewer may
    // see and, when asked for, its obstacles: `state { votingRecord lastInteractionOn obstacles }`
    // costs no further statement. The obstacles hold only what this selection asks of them, so they
    // go with these State objects rather than into the request's loader.
    for (const { node } of connection.edges) {
      loaders.get(VoteLoaders).votingRecord.prime(node.state.iso3, node.votingRecord);
      loaders.get(InteractionLoaders).lastInteractionOn.prime(node.state.iso3, node.lastContactOn);
      if (node.obstaclesJson !== undefined) node.state.obstaclesReadAlong = obstaclesFromJson(node.obstaclesJson);
    }
    return connection;
  }
}
