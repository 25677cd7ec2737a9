import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { Role } from '../common/enums.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer } from '../graphql/context.js';
import { RecordTreatyActionInput, TreatyAction, UpdateTreatyActionInput } from './treaty-action.dto.js';
import { TreatyActionsService } from './treaty-actions.service.js';

@Resolver(() => TreatyAction)
export class TreatyActionsResolver {
  constructor(private readonly service: TreatyActionsService) {}

  @Query(() => [TreatyAction], {
    description: 'The treaty actions recorded after the treaty record file (of one State, or all), oldest first',
  })
  treatyActions(@Args('stateIso3', { type: () => String, nullable: true }) stateIso3?: string | null): Promise<TreatyAction[]> {
    return this.service.list(stateIso3?.trim().toUpperCase() || null);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => TreatyAction, {
    description:
      "Records a signature, a deposit or a withdrawal with its source. The State's treaty status, entry into force and stage follow at once",
  })
  recordTreatyAction(@CurrentViewer() viewer: Viewer, @Args('input') input: RecordTreatyActionInput): Promise<TreatyAction> {
    return this.service.record(viewer, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => TreatyAction, { description: 'Corrects a recorded treaty action; the State follows at once' })
  updateTreatyAction(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateTreatyActionInput): Promise<TreatyAction> {
    return this.service.update(viewer, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ID, {
    description: "Deletes a recorded treaty action (the State's dates fall back to the treaty record file); returns its id",
  })
  deleteTreatyAction(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @ExpectedVersionArg() expectedVersion: number): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion);
  }
}
