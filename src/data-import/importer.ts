import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isIsoDate, todayIso } from '../common/dates.js';
import { parsePublicData, readPublicDataFiles } from './public-data.js';
import type { TableCounts } from './sql-counts.js';
import { syncStateNames } from './state-names.js';
import { upsertStates } from './upsert-states.js';
import { upsertResolutions, upsertVotes } from './upsert-votes.js';

export type { TableCounts } from './sql-counts.js';

export interface ImportOptions {
  /** Import even when the files match the last import. */
  force?: boolean;
  /** The date treaty statuses (and so initial stages) are computed for; today (UTC) by default. */
  asOf?: string;
}

export interface ImportSummary {
  /** True when the files matched the last import and nothing was written. */
  skipped: boolean;
  checksum: string;
  asOf: string;
  states: TableCounts;
  resolutions: TableCounts;
  votes: TableCounts;
  stageChanges: number;
  /** Treaty actions recorded by hand that the files now give too (counted once). */
  treatyActionsInFile: number;
}

function skippedSummary(checksum: string, asOf: string): ImportSummary {
  const none = (): TableCounts => ({ inserted: 0, updated: 0, unchanged: 0, deleted: 0 });
  return { skipped: true, checksum, asOf, states: none(), resolutions: none(), votes: none(), stageChanges: 0, treatyActionsInFile: 0 };
}

async function lastChecksum(manager: EntityManager): Promise<string | undefined> {
  const rows = await manager.query<{ checksum: string }[]>('SELECT checksum FROM data_imports ORDER BY imported_at DESC, id DESC LIMIT 1');
  return rows[0]?.checksum;
}

/**
 * Imports the public data in `dir` (States, treaty actions, resolutions and votes) in one
 * transaction, changing only rows that differ. Unless `force` is set, files identical to
 * the last import are skipped. Throws ImportValidationError, having written nothing, when
 * the files have problems.
 */
export async function importPublicData(dataSource: DataSource, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const asOf = options.asOf ?? todayIso();
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date as YYYY-MM-DD, got "${asOf}"`);
  // Files that were imported once were valid then: unchanged, they are not parsed again.
  const files = await readPublicDataFiles(dir);
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ratify:import'))`);
    await manager.query(`SELECT set_config('ratify.action', 'importPublicData', true)`);
    if (!options.force && (await lastChecksum(manager)) === files.checksum) {
      await syncStateNames(manager, dir);
      return skippedSummary(files.checksum, asOf);
    }
    const data = parsePublicData(files);
    const states = await upsertStates(manager, data.states, asOf);
    const resolutions = await upsertResolutions(manager, data.resolutions);
    const symbols = data.resolutions.map((resolution) => resolution.symbol);
    const votes = await upsertVotes(manager, symbols, data.votes);
    await syncStateNames(manager, dir);
    const summary: ImportSummary = {
      skipped: false,
      checksum: data.checksum,
      asOf,
      states: states.counts,
      resolutions,
      votes,
      stageChanges: states.stageChanges,
      treatyActionsInFile: states.treatyActionsInFile,
    };
    await manager.query('INSERT INTO data_imports (id, checksum, summary, imported_at) VALUES ($1, $2, $3::jsonb, clock_timestamp())', [
      randomUUID(),
      data.checksum,
      JSON.stringify(summary),
    ]);
    return summary;
  });
}
