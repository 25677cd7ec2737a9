import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { Role } from '../common/enums.js';
import { CurrentViewer } from '../graphql/context.js';
import { RecordResolutionInput } from './record-resolution.dto.js';
import { RecordResolutionService } from './record-resolution.service.js';
import { Resolution } from './resolution.model.js';
import { readUndlVotingCsv } from './undl-voting-csv.js';

@Resolver(() => Resolution)
export class RecordResolutionResolver {
  constructor(private readonly service: RecordResolutionService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => Resolution, {
    description:
      'Records a General Assembly resolution with its totals and per-State votes (again: replaces it). Totals that do not match the votes are refused with the differences',
  })
  recordResolution(@CurrentViewer() viewer: Viewer, @Args('input') input: RecordResolutionInput): Promise<Resolution> {
    return this.service.record(viewer, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Resolution, {
    description:
      "Records one resolution from the UN Digital Library's voting-record CSV (columns ms_code, ms_vote, date, resolution, title, total_yes, total_no, total_abstentions, total_non_voting, undl_link); symbol picks the resolution when the file holds several",
  })
  importVotingRecord(
    @CurrentViewer() viewer: Viewer,
    @Args('csv') csv: string,
    @Args('symbol', { type: () => String, nullable: true }) symbol?: string | null,
  ): Promise<Resolution> {
    return this.service.record(viewer, readUndlVotingCsv(csv, symbol), 'importVotingRecord');
  }
}
