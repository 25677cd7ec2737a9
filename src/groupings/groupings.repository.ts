import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { deleteVersioned, updateVersioned, type ColumnMap } from '../common/versioned-update.js';
import { table, type Projection } from '../database/table.js';
import { STATE_COLUMNS } from '../states/states.repository.js';
import type { State } from '../states/state.model.js';
import { GroupingEntity } from './grouping.entity.js';
import type { Grouping } from './grouping.model.js';

const groupings = table(GroupingEntity);
const GROUPING: Projection<GroupingEntity> = { as: { createdBy: 'createdById' } };
/** A grouping's columns, in this order (a mandate's target lists as handed over are read alongside them, by position). */
export const GROUPING_COLUMNS = groupings.select('g', GROUPING);
const COLUMNS = GROUPING_COLUMNS;
const RETURNING = groupings.returning(GROUPING);

/** Names are unique regardless of case, so they sort regardless of case too. */
const ORDER = 'lower(g.name), g.id';

export interface GroupingFields {
  name?: string;
  description?: string | null;
}

/** A grouping of a State (`__key`), as the loader of a State's groupings reads it. */
type GroupingOfStateRow = Grouping & { __key: string };

/** A State of a grouping (`__key`), as the loader of a grouping's States reads it. */
type StateOfGroupingRow = State & { __key: string };

const SPEC = {
  table: groupings.name,
  what: 'Grouping',
  returning: RETURNING,
  columns: groupings.columnMap('name', 'description') satisfies ColumnMap<GroupingFields>,
};

@Injectable()
export class GroupingsRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<Grouping[]> {
    return this.db.query<Grouping[]>(`SELECT ${COLUMNS} FROM groupings g ORDER BY ${ORDER}`);
  }

  async byId(id: string): Promise<Grouping | null> {
    const rows = await this.db.query<Grouping[]>(`SELECT ${COLUMNS} FROM groupings g WHERE g.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The groupings of several States, by name. */
  ofStates(iso3s: readonly string[]): Promise<GroupingOfStateRow[]> {
    return this.db.query<GroupingOfStateRow[]>(
      `SELECT l.state_iso3 AS "__key", ${COLUMNS}
       FROM grouping_states l JOIN groupings g ON g.id = l.grouping_id
       WHERE l.state_iso3 = ANY($1::char(3)[]) ORDER BY ${ORDER}`,
      [iso3s],
    );
  }

  /** The States of several groupings, by name. */
  statesOf(ids: readonly string[]): Promise<StateOfGroupingRow[]> {
    return this.db.query<StateOfGroupingRow[]>(
      `SELECT l.grouping_id AS "__key", ${STATE_COLUMNS}
       FROM grouping_states l JOIN states s ON s.iso3 = l.state_iso3
       WHERE l.grouping_id = ANY($1::uuid[]) ORDER BY s.name, s.iso3`,
      [ids],
    );
  }

  /**
   * Serializes the writers of one name (in any case) until the transaction ends, so that two
   * of them cannot both find it free.
   */
  async lockName(name: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('grouping:' || lower($1)))`, [name]);
  }

  /** Whether a grouping other than `exceptId` already has this name, in any case. */
  async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.db.query<unknown[]>('SELECT 1 FROM groupings WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::uuid', [
      name,
      exceptId,
    ]);
    return rows.length > 0;
  }

  async insert(row: Required<GroupingFields> & { id: string; name: string; createdById: string }): Promise<Grouping> {
    const rows = await this.db.query<Grouping[]>(...groupings.insertReturning(row, GROUPING));
    return rows[0];
  }

  update(id: string, expectedVersion: number, changes: GroupingFields): Promise<Grouping> {
    return updateVersioned<GroupingFields, Grouping>(this.db, SPEC, id, expectedVersion, changes);
  }

  delete(id: string, expectedVersion: number | undefined): Promise<void> {
    return deleteVersioned(this.db, SPEC, id, expectedVersion);
  }

  /** Replaces the States of a grouping. */
  async setStates(id: string, iso3s: readonly string[]): Promise<void> {
    await this.db.query('DELETE FROM grouping_states WHERE grouping_id = $1 AND NOT (state_iso3 = ANY($2::char(3)[]))', [id, iso3s]);
    await this.db.query('INSERT INTO grouping_states (grouping_id, state_iso3) SELECT $1, unnest($2::char(3)[]) ON CONFLICT DO NOTHING', [
      id,
      iso3s,
    ]);
  }
}
