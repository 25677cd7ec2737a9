/**
 * The shapes a DataLoader's batch function works with: rows read for many keys at once, handed
 * back key by key.
 */

/** Each row under its key (when two rows share a key, the last one). */
export function byKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

/** The rows under each key, in the order they came. */
export function groupByKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** A batch's answer: for each key asked, in the order asked, its rows (an empty list for none). */
export function groupsFor<T>(keys: readonly string[], rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = groupByKey(rows, key);
  return keys.map((k) => groups.get(k) ?? []);
}

/** A row without the `__key` column that a query for many keys adds to say which key it answers. */
export function withoutKey<T>({ __key, ...row }: T & { __key: string }): T {
  return row as T;
}
