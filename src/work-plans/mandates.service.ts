import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writes, type WriteTransaction } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, Role, Visibility } from '../common/enums.js';
import { AppError, badInput, forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { pageOf } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import { StatesRepository } from '../states/states.repository.js';
import type {
  AddObjectiveInput,
  IndicatorInput,
  MandatesArgs,
  PlanActivityInput,
  StartMandateInput,
  UpdateMandateInput,
  UpdateObjectiveInput,
  UpdatePlannedActivityInput,
} from './dto/work-plan.inputs.js';
import { canEditMandate } from '../auth/visibility.js';
import { MANDATE_CURSOR, mandateSortKey, MandatesRepository, type ActivityFields } from './mandates.repository.js';
import { PlannedActivityStatus } from './work-plan.enums.js';
import type { Mandate, Objective, PlannedActivity } from './work-plan.models.js';

const EDIT_FORBIDDEN = "Only coordinators of the mandate's organizations, and admins, change it";
const HAND_OVER_FORBIDDEN = "Only coordinators of the previous mandate's organizations, and admins, hand it over";

const indicatorsJson = (indicators: IndicatorInput[] = []) =>
  JSON.stringify(indicators.map((i) => ({ description: i.description, targetValue: i.targetValue ?? null, metric: i.metric ?? null })));

/**
 * Mandates and their work plans. Every write runs in one transaction and leaves a
 * MANDATE_STARTED or WORK_PLAN_CHANGED event with the mandate's visibility.
 */
@Injectable()
export class MandatesService {
  constructor(
    private readonly writes: Writes,
    private readonly mandates: MandatesRepository,
    private readonly states: StatesRepository,
  ) {}

  async get(viewer: Viewer, id: string): Promise<Mandate | null> {
    if (!isUuid(id)) return null;
    const [mandate] = await this.mandates.visibleByIds(viewer, [id]);
    return mandate ?? null;
  }

  list(viewer: Viewer, args: MandatesArgs): Promise<Connection<Mandate>> {
    return pageOf(args, MANDATE_CURSOR, mandateSortKey, (page) => this.mandates.page(viewer, page));
  }

  /**
   * Starts a mandate. With previousMandateId it takes over from that one: its open follow-ups and
   * open obstacles are listed as carried over (the interactions and obstacles themselves are not
   * touched), its target lists become this one's too, and its PLANNED activities are copied here.
   * Only an editor of the previous mandate (or an admin) hands it over: what is copied then goes no
   * further than someone who could already change it chose.
   */
  start(viewer: Viewer, input: StartMandateInput): Promise<Mandate> {
    checkPeriod(input.periodFrom, input.periodTo);
    if (viewer.role !== Role.ADMIN && !input.organizationIds.includes(viewer.organizationId)) {
      throw forbidden('A coordinator starts mandates of which their own organization is a part');
    }
    return this.writes.run(viewer, 'startMandate', async ({ emit }) => {
      await this.checkOrganizations(input.organizationIds);
      const targetListIds = input.targetListIds ?? [];
      await this.checkGroupings(targetListIds);
      let previous: Mandate | null = null;
      let carried = { followUpIds: [] as string[], obstacleIds: [] as string[], groupingIds: [] as string[] };
      if (input.previousMandateId) {
        // Taking over copies the previous mandate's plan and notes, and closes its hand-over for good:
        // that is a change to it, for its editors only (reading it is not enough).
        previous = await this.editable(viewer, input.previousMandateId, 'Mandate', input.previousMandateId, HAND_OVER_FORBIDDEN);
        if (await this.mandates.hasSuccessor(previous.id)) {
          throw new AppError('CONFLICT', `Mandate "${previous.name}" was already handed over`, { previousMandateId: previous.id });
        }
        if (input.periodFrom <= previous.periodFrom) {
          throw badInput(`periodFrom (${input.periodFrom}) must be after the previous mandate's start (${previous.periodFrom})`, {
            field: 'periodFrom',
          });
        }
        const open = await this.mandates.openItems(previous.id);
        await this.mandates.freezeTargetLists(previous.id);
        const groupingIds = [...(await this.mandates.existingGroupings(previous.groupingIds))];
        carried = { ...open, groupingIds: previous.groupingIds.filter((id) => groupingIds.includes(id)) };
      }
      const mandate = await this.mandates.insert({
        id: randomUUID(),
        name: input.name,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        organizationIds: input.organizationIds,
        visibility: input.visibility ?? Visibility.SHARED,
        groupingIds: [...new Set([...carried.groupingIds, ...targetListIds])],
        previousMandateId: previous?.id ?? null,
        carriedFollowUpIds: carried.followUpIds,
        carriedObstacleIds: carried.obstacleIds,
        carriedGroupingIds: carried.groupingIds,
        createdById: viewer.id,
      });
      let activities = 0;
      if (previous && input.carryOverActivities !== false) activities = await this.mandates.carryActivities(previous.id, mandate.id);
      // The open obstacles taken over are not counted here: each has a visibility of its own.
      const handOver = previous
        ? `, taking over from {extra} (${count(carried.groupingIds.length, 'target list')}, ${count(activities, 'planned activity', 'planned activities')})`
        : '';
      await emit({
        kind: ActivityKind.MANDATE_STARTED,
        subjectId: mandate.id,
        stateIso3s: [],
        summary: `Mandate "{text}" started (${mandate.periodFrom} to ${mandate.periodTo})${handOver}`,
        visibility: mandate.visibility,
        mandateId: mandate.id,
      });
      return mandate;
    });
  }

  update(viewer: Viewer, id: string, { expectedVersion, targetListIds, ...changes }: UpdateMandateInput): Promise<Mandate> {
    return this.writes.run(viewer, 'updateMandate', async ({ emit }) => {
      const current = await this.editable(viewer, id);
      checkPeriod(changes.periodFrom ?? current.periodFrom, changes.periodTo ?? current.periodTo);
      if (changes.organizationIds) {
        await this.checkOrganizations(changes.organizationIds);
        if (viewer.role !== Role.ADMIN && !changes.organizationIds.includes(viewer.organizationId)) {
          throw badInput('You cannot remove your own organization from the mandate', { field: 'organizationIds' });
        }
      }
      if (targetListIds) {
        if (await this.mandates.hasSuccessor(id)) {
          throw new AppError('CONFLICT', `Mandate "${current.name}" was handed over: its target lists stay as they were then`, { id });
        }
        await this.checkGroupings(targetListIds);
      }
      const mandate = await this.mandates.update(id, expectedVersion, { ...changes, groupingIds: targetListIds });
      await this.changed(emit, mandate, 'Mandate "{text}" changed');
      return mandate;
    });
  }

  /** Deletes a mandate with its work plan; one that was handed over stays (CONFLICT). */
  async delete(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deleteMandate', async ({ emit, freeze }) => {
      const current = await this.editable(viewer, id);
      if (await this.mandates.hasSuccessor(id)) {
        throw new AppError('CONFLICT', `Mandate "${current.name}" was handed over to another mandate and stays part of its history`, {
          id,
        });
      }
      await freeze([id]);
      await this.mandates.delete(id, expectedVersion);
      await this.changed(emit, current, `Mandate "${current.name}" deleted`, [], false);
    });
    return id;
  }

  addObjective(viewer: Viewer, mandateId: string, input: AddObjectiveInput): Promise<Objective> {
    return this.writes.run(viewer, 'addObjective', async ({ emit }) => {
      const mandate = await this.editable(viewer, mandateId);
      const objective = await this.mandates.insertObjective({
        id: randomUUID(),
        mandateId,
        title: input.title,
        description: input.description ?? null,
        indicators: indicatorsJson(input.indicators),
      });
      await this.changed(emit, mandate, `Objective "${objective.title}" added to "{text}"`);
      return objective;
    });
  }

  updateObjective(viewer: Viewer, id: string, { expectedVersion, indicators, ...changes }: UpdateObjectiveInput): Promise<Objective> {
    return this.writes.run(viewer, 'updateObjective', async ({ emit }) => {
      const { mandate } = await this.editableItem(viewer, 'Objective', id, (itemId) => this.mandates.objectiveById(itemId));
      const objective = await this.mandates.updateObjective(id, expectedVersion, {
        ...changes,
        indicators: indicators ? indicatorsJson(indicators) : undefined,
      });
      await this.changed(emit, mandate, `Objective "${objective.title}" of "{text}" changed`);
      return objective;
    });
  }

  async deleteObjective(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deleteObjective', async ({ emit }) => {
      const { current, mandate } = await this.editableItem(viewer, 'Objective', id, (itemId) => this.mandates.objectiveById(itemId));
      await this.mandates.deleteObjective(id, expectedVersion);
      await this.changed(emit, mandate, `Objective "${current.title}" removed from "{text}"`);
    });
    return id;
  }

  planActivity(viewer: Viewer, mandateId: string, input: PlanActivityInput): Promise<PlannedActivity> {
    return this.writes.run(viewer, 'planActivity', async ({ emit }) => {
      const mandate = await this.editable(viewer, mandateId);
      const fields: Required<ActivityFields> = {
        title: input.title,
        kind: input.kind,
        plannedOn: input.plannedOn,
        plannedUntil: input.plannedUntil ?? null,
        regionalGroup: input.regionalGroup ?? null,
        stateIso3s: input.stateIso3s ?? [],
        status: input.status ?? PlannedActivityStatus.PLANNED,
        notes: input.notes ?? null,
        interactionIds: input.interactionIds ?? [],
      };
      await this.checkActivity(viewer, fields, fields.interactionIds);
      const activity = await this.mandates.insertActivity({ ...fields, id: randomUUID(), mandateId });
      await this.changed(emit, mandate, `Activity "${activity.title}" planned for ${activity.plannedOn} in "{text}"`, activity.stateIso3s);
      return activity;
    });
  }

  updateActivity(viewer: Viewer, id: string, { expectedVersion, ...changes }: UpdatePlannedActivityInput): Promise<PlannedActivity> {
    return this.writes.run(viewer, 'updatePlannedActivity', async ({ emit }) => {
      const { current, mandate } = await this.editableItem(viewer, 'PlannedActivity', id, (itemId) => this.mandates.activityById(itemId));
      await this.checkActivity(viewer, { ...current, ...withoutUndefined(changes) }, changes.interactionIds);
      const activity = await this.mandates.updateActivity(id, expectedVersion, changes);
      const what = changes.status && changes.status !== current.status ? ` is now ${activity.status}` : ' changed';
      await this.changed(emit, mandate, `Activity "${activity.title}" of "{text}"${what}`, activity.stateIso3s);
      return activity;
    });
  }

  async deleteActivity(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    await this.writes.run(viewer, 'deletePlannedActivity', async ({ emit }) => {
      const { current, mandate } = await this.editableItem(viewer, 'PlannedActivity', id, (itemId) => this.mandates.activityById(itemId));
      await this.mandates.deleteActivity(id, expectedVersion);
      await this.changed(emit, mandate, `Activity "${current.title}" removed from "{text}"`, current.stateIso3s);
    });
    return id;
  }

  /**
   * A WORK_PLAN_CHANGED event: `{text}` in the summary is the mandate's name as it is when read (the
   * titles named beside it are shown only to those who could see them when written). A deletion
   * (`follows` false) keeps the words of the moment.
   */
  private async changed(
    emit: WriteTransaction['emit'],
    mandate: Mandate,
    summary: string,
    stateIso3s: string[] = [],
    follows = true,
  ): Promise<void> {
    await emit({
      kind: ActivityKind.WORK_PLAN_CHANGED,
      ...(follows ? { subjectId: mandate.id } : {}),
      stateIso3s,
      summary,
      visibility: mandate.visibility,
      mandateId: mandate.id,
    });
  }

  /** The mandate, locked, if the viewer may read it (NOT_FOUND otherwise). */
  private async readable(viewer: Viewer, id: string, what = 'Mandate', whatId = id): Promise<Mandate> {
    const mandate = isUuid(id) ? await this.mandates.lock(id) : null;
    if (!mandate || !(await this.mandates.visibleByIds(viewer, [id])).length) throw notFound(what, whatId);
    return mandate;
  }

  /** The mandate, locked, if the viewer may edit it: NOT_FOUND if they may not read it, else FORBIDDEN. */
  private async editable(viewer: Viewer, id: string, what = 'Mandate', whatId = id, refusal = EDIT_FORBIDDEN): Promise<Mandate> {
    const mandate = await this.readable(viewer, id, what, whatId);
    if (!canEditMandate(viewer, mandate)) throw forbidden(refusal);
    return mandate;
  }

  /** An objective or planned activity and its mandate, locked, if the viewer may edit it: NOT_FOUND if it is missing or they may not read it, else FORBIDDEN. */
  private async editableItem<T extends { mandateId: string }>(
    viewer: Viewer,
    what: 'Objective' | 'PlannedActivity',
    id: string,
    byId: (id: string) => Promise<T | null>,
  ): Promise<{ current: T; mandate: Mandate }> {
    const current = isUuid(id) ? await byId(id) : null;
    if (!current) throw notFound(what, id);
    return { current, mandate: await this.editable(viewer, current.mandateId, what, id) };
  }

  private async checkOrganizations(ids: string[]): Promise<void> {
    const known = await this.mandates.existingOrganizations(ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new AppError('NOT_FOUND', `Unknown organization(s): ${unknown.join(', ')}`, { organizationIds: unknown });
  }

  private async checkGroupings(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const known = await this.mandates.existingGroupings(ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new AppError('NOT_FOUND', `Unknown grouping(s): ${unknown.join(', ')}`, { targetListIds: unknown });
  }

  /** Dates in order, known States, and linked interactions the actor may see. */
  private async checkActivity(viewer: Viewer, fields: ActivityFields, newInteractionIds: string[] | undefined): Promise<void> {
    if (fields.plannedUntil && fields.plannedOn && fields.plannedUntil < fields.plannedOn) {
      throw badInput(`plannedUntil (${fields.plannedUntil}) cannot be before plannedOn (${fields.plannedOn})`, { field: 'plannedUntil' });
    }
    await this.states.checkStates(fields.stateIso3s ?? []);
    if (newInteractionIds?.length) {
      const seen = await this.mandates.visibleInteractionIds(viewer, newInteractionIds);
      const missing = newInteractionIds.filter((id) => !seen.has(id));
      if (missing.length) throw new AppError('NOT_FOUND', `Unknown interaction(s): ${missing.join(', ')}`, { interactionIds: missing });
    }
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function checkPeriod(from: string, to: string): void {
  if (to < from) throw badInput(`periodTo (${to}) cannot be before periodFrom (${from})`, { field: 'periodTo' });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
