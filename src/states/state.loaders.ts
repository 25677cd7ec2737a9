import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { byKey, groupByKey } from '../common/batches.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import type { State } from './state.model.js';
import { StatesRepository, type StageChangeRow } from './states.repository.js';

/** States by code, and their stage history as the viewer may see it. */
@Injectable()
export class StateLoaders implements LoaderSource {
  constructor(private readonly states: StatesRepository) {}

  forRequest(viewer: Viewer | null) {
    const { states } = this;
    return {
      state: new DataLoader<string, State | null>(async (iso3s) => {
        const found = byKey(await states.findByIso3s(iso3s), (s) => s.iso3);
        return iso3s.map((iso3) => found.get(iso3) ?? null);
      }),
      stageHistory: new DataLoader<string, StageChangeRow[]>(async (iso3s) => {
        const groups = groupByKey(await states.stageChangesOf(requireViewer(viewer), iso3s), (c) => c.stateIso3);
        return iso3s.map((iso3) => groups.get(iso3) ?? []);
      }),
    };
  }
}
