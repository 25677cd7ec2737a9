import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Queryable } from '../common/sql.js';

/** The other names of States (former, short, formal names, spellings), beside the public-data files; see data/SOURCES.md. */
export const STATE_NAMES_FILE = 'state-names.csv';

/**
 * Makes the table state_names hold the names that `dir`/state-names.csv lists for known States, in
 * one statement that writes only what differs. Without the file, the table is left as it is.
 */
export async function syncStateNames(db: Queryable, dir: string): Promise<void> {
  let content: Buffer;
  try {
    content = await readFile(join(dir, STATE_NAMES_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const rows = parse<{ name?: string; iso3?: string; kind?: string }>(content, {
    bom: true,
    columns: true,
    trim: true,
    skip_empty_lines: true,
  });
  const names = rows
    .filter((row) => row.name && row.iso3)
    .map((row) => ({ iso3: row.iso3!.toUpperCase(), name: row.name!, kind: row.kind || 'other' }));
  await db.query(
    `WITH f AS (
       SELECT DISTINCT ON (r.iso3, r.name) r.iso3, r.name, r.kind FROM jsonb_to_recordset($1::jsonb) AS r(iso3 text, name text, kind text)
       WHERE EXISTS (SELECT 1 FROM states s WHERE s.iso3 = r.iso3)),
     gone AS (
       DELETE FROM state_names n WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.iso3 = n.state_iso3 AND f.name = n.name))
     INSERT INTO state_names (state_iso3, name, kind) SELECT f.iso3, f.name, f.kind FROM f
     ON CONFLICT (state_iso3, name) DO UPDATE SET kind = EXCLUDED.kind WHERE state_names.kind <> EXCLUDED.kind`,
    [JSON.stringify(names)],
  );
}
