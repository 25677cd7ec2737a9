import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '../auth/viewer.js';
import type { Connection } from '../common/pagination.js';
import { CurrentViewer } from '../graphql/context.js';
import { TargetsArgs } from './dto/targets.args.js';
import { TargetConnection } from './target.model.js';
import { TargetsService, type RankedTarget } from './targets.service.js';

@Resolver()
export class TargetsResolver {
  constructor(private readonly service: TargetsService) {}

  @Query(() => TargetConnection, {
    description: 'States ranked as targets, each with a score and the reasons for it. By default the States not Party, highest score first.',
  })
  targets(@CurrentViewer() viewer: Viewer, @Args() args: TargetsArgs): Promise<Connection<RankedTarget>> {
    return this.service.page(viewer, args);
  }
}
