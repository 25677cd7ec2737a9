import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Queryable } from '../common/sql.js';
import { PROJECT_ROOT } from '../config/config.js';
import { normalizeName } from './names.js';

/** Former, short and other names of States (data/state-names.csv; see data/SOURCES.md). */
export const STATE_NAMES_FILE = join(PROJECT_ROOT, 'data', 'state-names.csv');

let aliases: { name: string; iso3: string }[] | null = null;

function readAliases(): { name: string; iso3: string }[] {
  aliases ??= parse<{ name: string; iso3: string }>(readFileSync(STATE_NAMES_FILE), {
    bom: true,
    columns: true,
    trim: true,
    skip_empty_lines: true,
  });
  return aliases;
}

/**
 * Finds a State by its ISO3 code, its name in the States list, or a name in data/state-names.csv,
 * ignoring case, accents and punctuation.
 */
export class StateNames {
  private constructor(private readonly byName: Map<string, string>) {}

  static async load(db: Queryable): Promise<StateNames> {
    const states = await db.query<{ iso3: string; name: string }[]>('SELECT iso3, name FROM states');
    const known = new Set(states.map((state) => state.iso3));
    const byName = new Map<string, string>();
    const add = (name: string, iso3: string) => {
      const key = normalizeName(name);
      const other = byName.get(key);
      if (other && other !== iso3) throw new Error(`the State name "${name}" means both ${other} and ${iso3}`);
      byName.set(key, iso3);
    };
    for (const state of states) {
      add(state.iso3, state.iso3);
      add(state.name, state.iso3);
    }
    for (const alias of readAliases()) if (known.has(alias.iso3)) add(alias.name, alias.iso3);
    return new StateNames(byName);
  }

  resolve(value: string): string | null {
    return this.byName.get(normalizeName(value)) ?? null;
  }
}
