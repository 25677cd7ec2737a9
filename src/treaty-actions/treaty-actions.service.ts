import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Db } from '../database/db.js';
import { Writes, type WriteTransaction } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { TreatyActionKind, type RatificationStage } from '../common/enums.js';
import { badInput, conflict, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { fileGives, overlayActions, type TreatyRecordDates } from './overlay.js';
import { FOLLOWED_COLUMNS, followStage, type FollowedState } from './stage-follow.js';
import type { RecordTreatyActionInput, TreatyAction, UpdateTreatyActionInput } from './treaty-action.dto.js';
import { table } from '../database/table.js';
import { TreatyActionEntity } from './treaty-action.entity.js';

const actions = table(TreatyActionEntity);
/** A treaty action's columns (alias `a`) as the API reads them: its date as text, not who recorded it. */
const ACTION_COLUMNS = actions.select('a', { omit: ['date', 'recordedBy'], extra: (a) => [`to_char(${a}date, 'YYYY-MM-DD') AS date`] });

const FILE_COLUMNS = `to_char(file_signature_date, 'YYYY-MM-DD') AS "signatureDate", to_char(file_consent_date, 'YYYY-MM-DD') AS "consentDate",
  file_consent_type AS "consentType", to_char(file_withdrawal_date, 'YYYY-MM-DD') AS "withdrawalDate"`;

/** A stage move made because the dates say so. */
export interface FollowedMove {
  iso3: string;
  to: RatificationStage;
}

const DAY_MS = 86_400_000;

/**
 * Treaty actions recorded by admins, and the stages that follow the dates. Every write recomputes
 * the State's dates in force in the same transaction: its treaty status and entry into force (computed
 * from those dates in every query, on every instance) follow at once. Each day (and at start) the
 * States whose dates now imply DEPOSITED or JOINED are moved there, once.
 */
@Injectable()
export class TreatyActionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TreatyDates');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  list(stateIso3?: string | null): Promise<TreatyAction[]> {
    return this.db.query<TreatyAction[]>(
      `SELECT ${ACTION_COLUMNS} FROM treaty_actions a WHERE ($1::text IS NULL OR a.state_iso3 = $1) ORDER BY a.date, a.recorded_at, a.id`,
      [stateIso3 ?? null],
    );
  }

  record(viewer: Viewer, input: RecordTreatyActionInput, today = todayIso()): Promise<TreatyAction> {
    checkDate(input.action, input.date, today);
    return this.writes.run(viewer, 'recordTreatyAction', async ({ emit }) => {
      const [state] = await this.db.query<{ iso3: string }[]>('SELECT iso3 FROM states WHERE iso3 = $1 FOR UPDATE', [input.stateIso3]);
      if (!state) throw notFound('State', input.stateIso3);
      const [same] = await this.db.query<{ id: string }[]>(
        'SELECT id FROM treaty_actions WHERE state_iso3 = $1 AND action = $2 AND date = $3',
        [input.stateIso3, input.action, input.date],
      );
      if (same) throw badInput(`This ${input.action} of ${input.stateIso3} on ${input.date} is already recorded`, { id: same.id });
      const id = randomUUID();
      const { stateIso3, action, date, sourceUrl } = input;
      await this.db.query(...actions.insert({ id, stateIso3, action, date, sourceUrl, note: input.note || null, recordedBy: viewer.id }));
      await this.apply(emit, input.stateIso3, today);
      return this.byId(id);
    });
  }

  update(viewer: Viewer, input: UpdateTreatyActionInput, today = todayIso()): Promise<TreatyAction> {
    return this.writes.run(viewer, 'updateTreatyAction', async ({ emit }) => {
      const current = await this.lockedById(input.id, input.expectedVersion);
      const action = input.action ?? current.action;
      const date = input.date ?? current.date;
      checkDate(action, date, today);
      await this.db.query(
        `UPDATE treaty_actions SET action = $2, date = $3, source_url = $4, note = $5, version = version + 1 WHERE id = $1`,
        [input.id, action, date, input.sourceUrl ?? current.sourceUrl, input.note === undefined ? current.note : input.note || null],
      );
      await this.apply(emit, current.stateIso3, today);
      return this.byId(input.id);
    });
  }

  delete(viewer: Viewer, id: string, expectedVersion: number, today = todayIso()): Promise<string> {
    return this.writes.run(viewer, 'deleteTreatyAction', async ({ emit }) => {
      const current = await this.lockedById(id, expectedVersion);
      await this.db.query('DELETE FROM treaty_actions WHERE id = $1', [id]);
      await this.apply(emit, current.stateIso3, today);
      return id;
    });
  }

  /**
   * Moves every State whose dates imply, on `today`, a stage it is not at yet (DEPOSITED, JOINED),
   * recording each move once. Safe to run on every instance at once: the States are locked and read again.
   */
  followDates(today = todayIso()): Promise<FollowedMove[]> {
    return this.writes.run(null, 'followTreatyDates', async ({ emit }) => {
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('ratify:follow-treaty-dates'))`);
      const states = await this.db.query<FollowedState[]>(
        `SELECT ${FOLLOWED_COLUMNS} FROM states WHERE consent_date IS NOT NULL AND consent_date <= $1::date
           AND ratification_stage <> ALL(ARRAY['DEPOSITED', 'JOINED']::ratification_stage[])
            OR ratification_stage = 'DEPOSITED' AND ccm_entry_into_force(consent_date) <= $1::date
         ORDER BY iso3 FOR UPDATE`,
        [today],
      );
      const moves: FollowedMove[] = [];
      for (const state of states) {
        const to = await followStage(this.db, emit, state, today);
        if (to) moves.push({ iso3: state.iso3, to });
      }
      return moves;
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.followAndLog();
    this.scheduleNext();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Next run: a minute past the next midnight UTC, then each day. */
  private scheduleNext(): void {
    const now = Date.now();
    const wait = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS + 60_000 - now;
    this.timer = setTimeout(() => {
      void this.followAndLog().finally(() => this.timer && this.scheduleNext());
    }, wait);
    this.timer.unref();
  }

  private async followAndLog(): Promise<void> {
    try {
      const moves = await this.followDates();
      if (moves.length) this.logger.log(`stages that follow the treaty dates: ${moves.map((m) => `${m.iso3} → ${m.to}`).join(', ')}`);
    } catch (error) {
      this.logger.warn(`could not move the stages that follow the treaty dates: ${(error as Error).message}`);
    }
  }

  /** The State's dates in force from its file dates and recorded actions; then its stage, if the dates now settle it. */
  private async apply(emit: WriteTransaction['emit'], iso3: string, today: string): Promise<void> {
    const [file] = await this.db.query<TreatyRecordDates[]>(`SELECT ${FILE_COLUMNS} FROM states WHERE iso3 = $1 FOR UPDATE`, [iso3]);
    const actions = await this.db.query<{ id: string; action: TreatyActionKind; date: string }[]>(
      `SELECT id, action, to_char(date, 'YYYY-MM-DD') AS date FROM treaty_actions WHERE state_iso3 = $1`,
      [iso3],
    );
    const dates = overlayActions(file, actions);
    const given = actions.filter((action) => fileGives(file, action)).map((action) => action.id);
    await this.db.query(
      `UPDATE treaty_actions SET in_file = (id = ANY($2::uuid[])) WHERE state_iso3 = $1 AND in_file <> (id = ANY($2::uuid[]))`,
      [iso3, given],
    );
    await this.db.query(
      `UPDATE states SET signature_date = $2, consent_date = $3, consent_type = $4, withdrawal_date = $5, version = version + 1, updated_at = now()
       WHERE iso3 = $1 AND (signature_date, consent_date, consent_type, withdrawal_date) IS DISTINCT FROM ($2::date, $3::date, $4::consent_type, $5::date)`,
      [iso3, dates.signatureDate, dates.consentDate, dates.consentType, dates.withdrawalDate],
    );
    const [state] = await this.db.query<FollowedState[]>(`SELECT ${FOLLOWED_COLUMNS} FROM states WHERE iso3 = $1`, [iso3]);
    await followStage(this.db, emit, state, today);
  }

  private async byId(id: string): Promise<TreatyAction> {
    const [row] = await this.db.query<TreatyAction[]>(`SELECT ${ACTION_COLUMNS} FROM treaty_actions a WHERE a.id = $1`, [id]);
    return row;
  }

  private async lockedById(id: string, expectedVersion: number): Promise<TreatyAction> {
    const [row] = isUuid(id)
      ? await this.db.query<TreatyAction[]>(`SELECT ${ACTION_COLUMNS} FROM treaty_actions a WHERE a.id = $1 FOR UPDATE`, [id])
      : [];
    if (!row) throw notFound('TreatyAction', id);
    if (row.version !== expectedVersion) throw conflict('TreatyAction', id, expectedVersion, row.version);
    return row;
  }
}

/** A signature or deposit is a fact once it happened; a withdrawal is recorded with the (later) date it takes effect. */
function checkDate(action: TreatyActionKind, date: string, today: string): void {
  if (action !== TreatyActionKind.WITHDRAWAL && date > today) {
    throw badInput(`A ${action} is recorded once it happened: ${date} is after today (${today})`, {
      problems: [`date ${date} is in the future`],
    });
  }
}
