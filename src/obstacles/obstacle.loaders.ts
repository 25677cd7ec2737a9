import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { groupByKey } from '../common/batches.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import type { Obstacle } from './obstacle.model.js';
import { ObstaclesRepository } from './obstacles.repository.js';

/** Each State's obstacles, as the viewer may see them. */
@Injectable()
export class ObstacleLoaders implements LoaderSource {
  constructor(private readonly obstacles: ObstaclesRepository) {}

  forRequest(viewer: Viewer | null) {
    return {
      obstaclesByState: new DataLoader<string, Obstacle[]>(async (iso3s) => {
        const groups = groupByKey(await this.obstacles.byStates(requireViewer(viewer), iso3s), (o) => o.stateIso3);
        return iso3s.map((iso3) => groups.get(iso3) ?? []);
      }),
    };
  }
}
