import type { TreatyTimelineArgs } from './treaty-timeline.model.js';
import { OPENED_FOR_SIGNATURE, treatyTimeline, type TimelineSeries } from './treaty-timeline.js';
import { Writes } from '../database/writes.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { TreatyStatus, Visibility } from '../common/enums.js';
import { editableRow } from '../common/editable.js';
import { AppError, badInput, conflict, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { canSee } from '../auth/visibility.js';
import { toConnection, toPage } from '../common/paging/cursor.js';
import type { Connection } from '../common/paging/connection.js';
import type { ListOptions } from '../common/paging/page.js';
import type { SetRatificationStageArgs, SetStageChangeVisibilityArgs, StatesArgs } from './dto/states.args.js';
import { StateDetailRepository, type StateDetail, type StateDetailQuery } from './state-detail.repository.js';
import type { Obstacle } from '../obstacles/obstacle.model.js';
import type { State } from './state.model.js';
import { StatesRepository, type StageChangeRow } from './states.repository.js';
import { checkMandateVisibility, currentMandateSql, mandateOrRefusal } from '../work-plans/mandate-link.js';
import { stageContradiction, treatyStatus } from './treaty-status.js';
import { isIso3 } from '../common/iso3.js';
import type { SqlParams } from '../common/sql.js';

/** The code as stored (upper case), or null when it cannot be one. */
function normalIso3(iso3: string): string | null {
  const code = iso3.trim().toUpperCase();
  return isIso3(code) ? code : null;
}

/** A BAD_USER_INPUT naming the field and the problem. */
function refused(problem: string, field: string) {
  return badInput(problem, { field, problems: [problem] });
}

/**
 * A State row as served, with the date its treaty status is computed for and, when the list that
 * serves it read them along, its obstacles (with only the properties that list's selection needs).
 */
export type ServedState = State & { asOf?: string; obstaclesReadAlong?: Obstacle[]; searchCloseness?: number };

@Injectable()
export class StatesService {
  constructor(
    private readonly writes: Writes,
    private readonly states: StatesRepository,
    private readonly details: StateDetailRepository,
  ) {}

  /** A State by code. */
  async get(iso3: string): Promise<State | null> {
    const code = normalIso3(iso3);
    return code ? ((await this.states.findByIso3s([code]))[0] ?? null) : null;
  }

  /**
   * A State by code with what its reader asks for below it (its votes, a page of interactions),
   * read in the same statement.
   */
  detail(iso3: string, query: StateDetailQuery): Promise<StateDetail | null> {
    const code = normalIso3(iso3);
    return code ? this.details.read(code, query) : Promise.resolve(null);
  }

  async list(args: StatesArgs, { withTotal }: ListOptions = {}): Promise<Connection<ServedState>> {
    // A search ranks by closeness first (see stateSearchCloseness), and its cursors carry it.
    const searching = Boolean(args.filter?.search?.trim());
    const page = toPage(args, searching ? ['number', 'text', 'text'] : ['text', 'text'], withTotal);
    const asOf = args.filter?.asOf ?? todayIso();
    const filter = await this.states.resolveRegions({ ...args.filter });
    const { rows, total } = await this.states.page({ ...filter, asOf }, page);
    const served: ServedState[] = rows.map((state) => ({ ...state, asOf }));
    return toConnection(served, page.first, total, (s) => (searching ? [s.searchCloseness, s.name, s.iso3] : [s.name, s.iso3]));
  }

  /** States Parties and signatories over time, overall and per regional group (see treatyTimeline). */
  async timeline(args: TreatyTimelineArgs): Promise<TimelineSeries[]> {
    const from = args.from ?? OPENED_FOR_SIGNATURE;
    const to = args.to ?? todayIso();
    if (from > to) {
      throw badInput(`Invalid input: from: from (${from}) cannot be after to (${to})`, {
        problems: [`from: from (${from}) cannot be after to (${to})`],
      });
    }
    return treatyTimeline(await this.states.treatyDates(), from, to);
  }

  /**
   * Moves a State's ratification stage and records the move, atomically, as taking effect on
   * `effectiveOn` (default today): not in the future, not before the State's previous move, and
   * consistent with the State's treaty record on that day (see stageContradiction).
   */
  async setStage(viewer: Viewer, args: SetRatificationStageArgs): Promise<State> {
    const iso3 = args.iso3.trim().toUpperCase();
    const today = todayIso();
    const effectiveOn = args.effectiveOn ?? today;
    if (effectiveOn > today)
      throw refused(`effectiveOn (${effectiveOn}) is in the future: a stage move is recorded once it has happened`, 'effectiveOn');
    // One statement reads the State and moves it if the move holds on what it read; when it did not
    // move it, the same checks on what it read say why, in this order. The treaty statuses the new
    // stage agrees with come from stageContradiction itself.
    const statuses = Object.values(TreatyStatus).filter((status) => stageContradiction(args.stage, status, '', effectiveOn) === null);
    const mandate = args.visibility === Visibility.MANDATE ? (p: SqlParams) => currentMandateSql(viewer, p) : null;
    const on = effectiveOn === today ? '' : ` on ${effectiveOn}`;
    for (let attempt = 1; ; attempt++) {
      const result = await this.states.move(
        viewer,
        iso3,
        { expectedVersion: args.expectedVersion, statuses, mandate },
        { id: randomUUID(), to: args.stage, note: args.note ?? null, visibility: args.visibility ?? Visibility.COORDINATORS, effectiveOn },
        // `{from}` is the stage it was read at; `{extra}` is the note, for those who may read it.
        `{states} moved from {from} to ${args.stage}${on}{extra}`,
      );
      if (!result) throw notFound('State', iso3);
      if (result.moved) {
        await this.writes.publish([result.moved.event]);
        return result.moved.state;
      }
      const { lastMoveOn: previous, mandateId, ...state } = result.before;
      if (args.expectedVersion !== undefined && state.version !== args.expectedVersion) {
        throw conflict('State', iso3, args.expectedVersion, state.version);
      }
      if (state.ratificationStage === args.stage) return state; // already at that stage: nothing to record
      if (previous !== null && effectiveOn < previous) {
        throw refused(
          `effectiveOn (${effectiveOn}) is before the previous move of ${state.name}'s stage, on ${previous}: moves are recorded in the order they happened`,
          'effectiveOn',
        );
      }
      const contradiction = stageContradiction(args.stage, treatyStatus(state, effectiveOn), state.name, effectiveOn);
      if (contradiction) throw refused(contradiction, 'stage');
      // A MANDATE note is read by the organizations of the author's current mandate.
      if (mandate) mandateOrRefusal(mandateId);
      // Every check holds on what was read: the State changed between the read and the write.
      if (attempt >= 5) {
        throw new AppError('CONFLICT', `${state.name}'s stage kept changing while this move was being recorded: read it again and retry`, {
          iso3,
        });
      }
    }
  }

  /**
   * Changes who reads a stage change's note: its organization's coordinators (admins: any). One whose
   * note the viewer may not read is reported as not found, revealing nothing.
   */
  setStageChangeVisibility(viewer: Viewer, { id, visibility, expectedVersion }: SetStageChangeVisibilityArgs): Promise<StageChangeRow> {
    return this.writes.run(viewer, 'setStageChangeVisibility', async () => {
      const found = isUuid(id) ? await this.states.stageChangeById(id) : null;
      const readable = found && canSee(viewer, found) ? found : null;
      const current = editableRow(viewer, readable && { ...readable, organizationId: readable.organizationId ?? '' }, {
        what: 'StageChange',
        id,
        expectedVersion,
        forbidden: 'Only the organization that moved the stage can change who reads its note',
      });
      checkMandateVisibility(visibility, current.mandateId);
      const changed = await this.states.setStageChangeVisibility(id, visibility, expectedVersion);
      if (!changed) throw notFound('StageChange', id);
      return { ...changed, organizationId: current.organizationId || null };
    });
  }
}
