import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { groupsFor, withoutKey } from '../common/batches.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import type { Grouping } from '../groupings/grouping.model.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import type { Obstacle } from '../obstacles/obstacle.model.js';
import { MandatesRepository } from './mandates.repository.js';
import type { ProgressReport } from './progress-report.model.js';
import { ProgressReportService } from './progress-report.service.js';
import type { Mandate, Objective, PlannedActivity } from './work-plan.models.js';

/** The per-request batches of the fields of mandates, their objectives and activities. */
class WorkPlanBatches {
  readonly mandate: DataLoader<string, Mandate | null>;
  readonly successor: DataLoader<string, Mandate | null>;
  readonly objectives: DataLoader<string, Objective[]>;
  readonly activities: DataLoader<string, PlannedActivity[]>;
  readonly carriedActivities: DataLoader<string, PlannedActivity[]>;
  readonly activity: DataLoader<string, PlannedActivity | null>;
  readonly targetLists: DataLoader<string, Grouping[]>;
  readonly carriedTargetLists: DataLoader<string, Grouping[]>;
  readonly openFollowUps: DataLoader<string, InteractionRow[]>;
  readonly carriedFollowUps: DataLoader<string, InteractionRow[]>;
  readonly openObstacles: DataLoader<string, Obstacle[]>;
  readonly carriedObstacles: DataLoader<string, Obstacle[]>;
  /** A mandate's progress report for the viewer, computed once per request (for its indicators). */
  readonly report: DataLoader<Mandate, ProgressReport, string>;

  constructor(repo: MandatesRepository, reports: ProgressReportService, viewer: Viewer | null) {
    const need = () => requireViewer(viewer);
    this.mandate = new DataLoader(async (ids) => {
      const found = new Map((await repo.visibleByIds(need(), ids)).map((m) => [m.id, m]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.successor = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.successorsOf(need(), ids), (m) => m.__key).map((g) => g[0] ?? null),
    );
    this.objectives = new DataLoader(async (ids) => groupsFor(ids, await repo.objectivesOf(ids), (o) => o.mandateId));
    this.activities = new DataLoader(async (ids) => groupsFor(ids, await repo.activitiesOf(ids), (a) => a.mandateId));
    this.carriedActivities = new DataLoader(async (ids) => groupsFor(ids, await repo.activitiesOf(ids, true), (a) => a.mandateId));
    this.activity = new DataLoader(async (ids) => {
      const found = new Map((await repo.visibleActivities(need(), ids)).map((a) => [a.id, a]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.targetLists = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.groupingsOf(ids), (g) => g.__key).map((group) => group.map(withoutKey)),
    );
    this.carriedTargetLists = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.groupingsOf(ids, true), (g) => g.__key).map((group) => group.map(withoutKey)),
    );
    this.openFollowUps = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.followUpsOf(need(), ids), (i) => i.__key).map((group) => group.map(withoutKey)),
    );
    this.carriedFollowUps = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.followUpsOf(need(), ids, true), (i) => i.__key).map((group) => group.map(withoutKey)),
    );
    this.openObstacles = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.obstaclesOf(need(), ids), (o) => o.__key).map((group) => group.map(withoutKey)),
    );
    this.carriedObstacles = new DataLoader(async (ids) =>
      groupsFor(ids, await repo.obstaclesOf(need(), ids, true), (o) => o.__key).map((group) => group.map(withoutKey)),
    );
    this.report = new DataLoader(async (mandates) => Promise.all(mandates.map((m) => reports.forMandate(need(), m))), {
      cacheKeyFn: (m) => m.id,
    });
  }
}

@Injectable()
export class WorkPlanLoaders implements LoaderSource<WorkPlanBatches> {
  constructor(
    private readonly repo: MandatesRepository,
    private readonly reports: ProgressReportService,
  ) {}

  forRequest(viewer: Viewer | null): WorkPlanBatches {
    return new WorkPlanBatches(this.repo, this.reports, viewer);
  }
}
