import { Writes } from '../database/writes.js';
import { Db } from '../database/db.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../common/errors.js';
import { ObstacleStatus, ActivityKind, Role, TreatyStatus, Visibility } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import { StatesRepository } from '../states/states.repository.js';
import { checkMandateVisibility, mandateFor } from '../work-plans/mandate-link.js';
import { showsDeposit, treatyStatus } from '../states/treaty-status.js';
import type { RecordObstacleInput, ResolveObstacleArgs, UpdateObstacleInput } from './dto/obstacle.inputs.js';
import type { Obstacle } from './obstacle.model.js';
import { ObstaclesRepository, type ObstacleFields } from './obstacles.repository.js';

/** A new obstacle's row: what was sent, with its defaults, for the viewer's organization. */
function newObstacle(viewer: Viewer, input: RecordObstacleInput, recordedOn: string, mandateId: string | null) {
  return {
    id: randomUUID(),
    stateIso3: input.stateIso3,
    category: input.category,
    description: input.description,
    measures: input.measures ?? null,
    recordedOn,
    visibility: input.visibility ?? Visibility.COORDINATORS,
    organizationId: viewer.organizationId,
    mandateId,
  };
}

@Injectable()
export class ObstaclesService {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
    private readonly obstacles: ObstaclesRepository,
    private readonly states: StatesRepository,
  ) {}

  /**
   * Writes the obstacle and its activity event in one statement, which checks its State too (read
   * first only to say why, when it wrote nothing); the mandate, if one is named, is read before.
   * With an idempotency key, in a transaction that stores it; inside another write, in that one's
   * transaction, as a part of it (see Writes.statement).
   */
  record(viewer: Viewer, input: RecordObstacleInput): Promise<Obstacle> {
    const oneStatement = async () => {
      const recordedOn = input.recordedOn ?? todayIso();
      const mandateId = await mandateFor(viewer, input.mandateId, input.visibility, this.db);
      const written = await this.obstacles.record(viewer, newObstacle(viewer, input, recordedOn, mandateId));
      if (!written) {
        // The State is unknown or shows a deposit on that day: checkState says which.
        await this.checkState(input.stateIso3, recordedOn);
        throw new AppError('CONFLICT', `The treaty record of ${input.stateIso3} changed while the obstacle was recorded: send it again`, {
          stateIso3: input.stateIso3,
        });
      }
      const { obstacle, event } = written;
      return { result: obstacle, events: [event] };
    };
    return this.writes.statement(oneStatement, () => this.recordInTransaction(viewer, input));
  }

  private recordInTransaction(viewer: Viewer, input: RecordObstacleInput): Promise<Obstacle> {
    return this.writes.run(viewer, 'recordObstacle', async ({ emit }) => {
      const recordedOn = input.recordedOn ?? todayIso();
      await this.checkState(input.stateIso3, recordedOn);
      const mandateId = await mandateFor(viewer, input.mandateId, input.visibility, this.db);
      const obstacle = await this.obstacles.insert({ ...newObstacle(viewer, input, recordedOn, mandateId), recordedById: viewer.id });
      // `{text}` is the category ("Legal"), as the obstacle has it when the feed is read; the event is seen as the obstacle is.
      await emit({
        kind: ActivityKind.OBSTACLE_RECORDED,
        subjectId: obstacle.id,
        stateIso3s: [obstacle.stateIso3],
        summary: '{text} obstacle recorded for {states}',
      });
      return obstacle;
    });
  }

  /**
   * Corrects an obstacle; a new stateIso3 moves it to another State (audited as updateObstacle). Its
   * State, new or kept, must still be one not Party on its (new) recordedOn.
   */
  update(viewer: Viewer, id: string, { expectedVersion, ...changes }: UpdateObstacleInput): Promise<Obstacle> {
    const moves = changes.stateIso3 !== undefined || changes.recordedOn !== undefined;
    return this.change(viewer, 'updateObstacle', id, expectedVersion, async (current) => {
      if (moves) await this.checkState(changes.stateIso3 ?? current.stateIso3, changes.recordedOn ?? current.recordedOn);
      if (changes.visibility !== undefined && changes.visibility !== current.visibility) {
        checkMandateVisibility(changes.visibility, current.mandateId);
        if (viewer.role !== Role.ADMIN && current.organizationId !== viewer.organizationId) {
          throw forbidden('Only the organization that recorded an obstacle can change who sees it');
        }
      }
      if (changes.recordedOn && current.resolvedOn && changes.recordedOn > current.resolvedOn) {
        throw badInput(`recordedOn (${changes.recordedOn}) cannot be after resolvedOn (${current.resolvedOn})`, { field: 'recordedOn' });
      }
      return changes;
    });
  }

  /**
   * Deletes an obstacle recorded by mistake (audited as deleteObstacle), with the rights of
   * updateObstacle: one the viewer may not see is not found, a stale version is a CONFLICT. Feed
   * events about it keep the text they showed.
   */
  async delete(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    if (!isUuid(id)) throw notFound('Obstacle', id);
    await this.writes.run(viewer, 'deleteObstacle', async ({ freeze }) => {
      await this.current(viewer, id, expectedVersion);
      await freeze([id]);
      await this.obstacles.delete(id, expectedVersion);
    });
    return id;
  }

  /**
   * An obstacle is an obstacle to joining: its State exists and its treaty record shows no deposit
   * on the day the obstacle was recorded.
   */
  private async checkState(iso3: string, recordedOn: string): Promise<void> {
    const [state] = await this.states.findByIso3s([iso3]);
    if (!state) throw notFound('State', iso3);
    const status = treatyStatus(state, recordedOn);
    if (showsDeposit(status)) {
      const standing = status === TreatyStatus.STATE_PARTY ? 'a State Party' : 'had deposited its instrument';
      const problem = `${state.name} was ${standing} on ${recordedOn}: obstacles are recorded for States not Party (obstacles to joining)`;
      throw badInput(problem, { field: 'stateIso3', problems: [problem] });
    }
  }

  /** Marks an open obstacle ADDRESSED; one already addressed is a CONFLICT. */
  resolve(viewer: Viewer, { id, expectedVersion, resolvedOn, measures }: ResolveObstacleArgs): Promise<Obstacle> {
    return this.change(viewer, 'resolveObstacle', id, expectedVersion, (current) => {
      if (current.status === ObstacleStatus.ADDRESSED) throw wrongStatus(current, 'is already addressed');
      const on = resolvedOn ?? todayIso();
      if (on < current.recordedOn) {
        throw badInput(`resolvedOn (${on}) cannot be before recordedOn (${current.recordedOn})`, { field: 'resolvedOn' });
      }
      return { status: ObstacleStatus.ADDRESSED, resolvedOn: on, measures: measures ?? undefined };
    });
  }

  /** Reopens an addressed obstacle; one already open is a CONFLICT. */
  reopen(viewer: Viewer, id: string, expectedVersion: number): Promise<Obstacle> {
    return this.change(viewer, 'reopenObstacle', id, expectedVersion, (current) => {
      if (current.status === ObstacleStatus.OPEN) throw wrongStatus(current, 'is already open');
      return { status: ObstacleStatus.OPEN, resolvedOn: null };
    });
  }

  /**
   * Applies the changes `plan` derives from the current row, which is checked against
   * expectedVersion first so that the plan never rests on a version the client did not read.
   */
  private change(
    viewer: Viewer,
    action: string,
    id: string,
    expectedVersion: number,
    plan: (current: Obstacle) => ObstacleFields | Promise<ObstacleFields>,
  ): Promise<Obstacle> {
    if (!isUuid(id)) throw notFound('Obstacle', id);
    return this.writes.run(viewer, action, async () => {
      const current = await this.current(viewer, id, expectedVersion);
      return this.obstacles.update(id, expectedVersion, await plan(current));
    });
  }

  /** The obstacle as the viewer may see it: one it may not see is not found, revealing nothing. */
  private async current(viewer: Viewer, id: string, expectedVersion: number): Promise<Obstacle> {
    const current = await this.obstacles.visibleById(viewer, id);
    if (!current) throw notFound('Obstacle', id);
    if (current.version !== expectedVersion) throw conflict('Obstacle', id, expectedVersion, current.version);
    return current;
  }
}

function wrongStatus(obstacle: Obstacle, problem: string): AppError {
  return new AppError('CONFLICT', `Obstacle "${obstacle.id}" ${problem}`, { id: obstacle.id, status: obstacle.status });
}
