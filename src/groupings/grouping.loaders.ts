import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, withoutKey } from '../common/batches.js';
import type { LoaderSource } from '../graphql/loaders.js';
import type { State } from '../states/state.model.js';
import type { Grouping } from './grouping.model.js';
import { GroupingsRepository } from './groupings.repository.js';

/** The groupings a State belongs to, and the States of a grouping. */
@Injectable()
export class GroupingLoaders implements LoaderSource {
  constructor(private readonly groupings: GroupingsRepository) {}

  forRequest() {
    const { groupings } = this;
    return {
      groupingsByState: new DataLoader<string, Grouping[]>(async (iso3s) => {
        const groups = groupByKey(await groupings.ofStates(iso3s), (row) => row.__key);
        return iso3s.map((iso3) => (groups.get(iso3) ?? []).map(withoutKey));
      }),
      statesByGrouping: new DataLoader<string, State[]>(async (ids) => {
        const groups = groupByKey(await groupings.statesOf(ids), (row) => row.__key);
        return ids.map((id) => (groups.get(id) ?? []).map(withoutKey));
      }),
    };
  }
}
