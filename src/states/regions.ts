import { badInput } from '../common/errors.js';
import type { Queryable } from '../common/sql.js';

/** The region names of the States table: UN M49 sub-regions and intermediate regions. */
export interface RegionNames {
  subregions: string[];
  intermediateRegions: string[];
}

/** The region filters that lists of States share. */
export interface RegionFilter {
  subregions?: string[];
  intermediateRegions?: string[];
}

/** Other ways users name an M49 intermediate region. */
const INTERMEDIATE_ALIASES: Record<string, string> = {
  'east africa': 'Eastern Africa',
  'west africa': 'Western Africa',
  'central africa': 'Middle Africa',
};

/** A region name as compared: accents, case, punctuation and a leading "the" ignored. */
function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export async function readRegionNames(db: Queryable): Promise<RegionNames> {
  const [row] = await db.query<RegionNames[]>(
    `SELECT coalesce(array_agg(DISTINCT subregion ORDER BY subregion) FILTER (WHERE subregion IS NOT NULL), '{}') AS subregions,
            coalesce(array_agg(DISTINCT intermediate_region ORDER BY intermediate_region) FILTER (WHERE intermediate_region IS NOT NULL), '{}') AS "intermediateRegions"
     FROM states`,
  );
  return row;
}

function resolve(
  given: string[],
  known: string[],
  path: string,
  what: string,
  aliases: Record<string, string>,
  problems: string[],
): string[] {
  const byKey = new Map(known.map((name) => [fold(name), name]));
  for (const [alias, name] of Object.entries(aliases)) if (known.includes(name)) byKey.set(alias, name);
  const resolved: string[] = [];
  given.forEach((name, index) => {
    const found = byKey.get(fold(name));
    if (!found) problems.push(`${path}[${index}]: unknown ${what} "${name}"; expected one of ${known.join(', ')}`);
    else if (!resolved.includes(found)) resolved.push(found);
  });
  return resolved;
}

/**
 * The filter with its region names as the States table writes them (case, accents and a leading
 * "the" ignored; "East Africa" is Eastern Africa), or BAD_USER_INPUT listing the valid names.
 * Reads the names only when the filter has regions.
 */
export async function resolveRegions<T extends RegionFilter>(filter: T, db: Queryable, path = 'filter'): Promise<T> {
  if (!filter.subregions && !filter.intermediateRegions) return filter;
  const names = await readRegionNames(db);
  const problems: string[] = [];
  const resolved: T = { ...filter };
  if (filter.subregions)
    resolved.subregions = resolve(filter.subregions, names.subregions, `${path}.subregions`, 'UN M49 sub-region', {}, problems);
  if (filter.intermediateRegions) {
    resolved.intermediateRegions = resolve(
      filter.intermediateRegions,
      names.intermediateRegions,
      `${path}.intermediateRegions`,
      'UN M49 intermediate region',
      INTERMEDIATE_ALIASES,
      problems,
    );
  }
  if (problems.length) throw badInput(`Invalid input: ${problems.join('; ')}`, { problems });
  return resolved;
}
