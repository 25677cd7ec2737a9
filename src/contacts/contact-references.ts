import { affectedRows, type Queryable } from '../common/sql.js';

/**
 * Every column that points at a contact, for merging: the duplicates' rows move to the survivor.
 * When a new table refers to contacts, add it here (a test compares this list with the foreign keys
 * on contacts in the database, and a merge refuses to run while one is missing).
 */
export interface ContactReference {
  table: string;
  column: string;
  /**
   * The other columns of a unique key that includes `column`: a duplicate's row that would then
   * repeat one of the survivor's (both were on the same interaction, say) is deleted instead of moved.
   */
  uniqueWith?: string[];
}

export const CONTACT_REFERENCES: ContactReference[] = [
  { table: 'interaction_contacts', column: 'contact_id', uniqueWith: ['interaction_id'] },
  { table: 'contact_postings', column: 'contact_id' },
  { table: 'event_delegates', column: 'contact_id', uniqueWith: ['event_id'] },
  { table: 'planned_meeting_contacts', column: 'contact_id', uniqueWith: ['meeting_id'] },
];

/** A column with a foreign key to contacts. */
interface ForeignKeyRow {
  table: string;
  column: string;
}

/** The (table, column) pairs with a foreign key to contacts in the database. */
export async function contactForeignKeys(db: Queryable): Promise<ForeignKeyRow[]> {
  return db.query<ForeignKeyRow[]>(
    `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
     FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
     WHERE c.contype = 'f' AND c.confrelid = 'contacts'::regclass
     ORDER BY 1, 2`,
  );
}

/**
 * Moves every reference from the duplicates to the survivor. For a reference with a unique key,
 * a duplicate's row is deleted when the survivor (or a duplicate earlier in id order) already has
 * the same key. Returns how many rows moved and how many were such repeats.
 */
export async function moveContactReferences(
  db: Queryable,
  survivorId: string,
  duplicateIds: string[],
): Promise<{ moved: number; repeats: number }> {
  const known = new Set(CONTACT_REFERENCES.map((r) => `${r.table}.${r.column}`));
  const missing = (await contactForeignKeys(db)).filter((fk) => !known.has(`${fk.table}.${fk.column}`));
  if (missing.length) {
    throw new Error(
      `contacts cannot be merged: ${missing.map((fk) => `${fk.table}.${fk.column}`).join(', ')} is not in CONTACT_REFERENCES`,
    );
  }
  let moved = 0;
  let repeats = 0;
  for (const { table, column, uniqueWith } of CONTACT_REFERENCES) {
    if (uniqueWith?.length) {
      const same = uniqueWith.map((k) => `o.${k} = d.${k}`).join(' AND ');
      const deleted = await db.query<[unknown[], number]>(
        `DELETE FROM ${table} d USING ${table} o
         WHERE d.${column} = ANY($2::uuid[]) AND ${same}
           AND (o.${column} = $1::uuid OR (o.${column} = ANY($2::uuid[]) AND o.${column} < d.${column}))`,
        [survivorId, duplicateIds],
      );
      repeats += affectedRows(deleted);
    }
    const updated = await db.query<[unknown[], number]>(`UPDATE ${table} SET ${column} = $1 WHERE ${column} = ANY($2::uuid[])`, [
      survivorId,
      duplicateIds,
    ]);
    moved += affectedRows(updated);
  }
  return { moved, repeats };
}
