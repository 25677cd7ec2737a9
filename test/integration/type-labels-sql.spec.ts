import { InteractionType } from '../../src/common/enums.js';
import { TYPE_LABELS, typeLabelSql } from '../../src/interactions/interaction-rules.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The activity feed names an interaction's type in TypeScript when an interaction is logged and in
 * SQL when its text is changed in one statement: both give the same label for every type.
 */
describe("an interaction type's label in SQL and in TypeScript", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it('agrees for every type', async () => {
    const types = Object.values(InteractionType);
    const rows: { type: InteractionType; label: string | null }[] = await db.dataSource.query(
      `SELECT t.type, ${typeLabelSql('t.type')} AS label FROM unnest($1::interaction_type[]) WITH ORDINALITY AS t(type, n) ORDER BY n`,
      [types],
    );
    expect(rows).toEqual(types.map((type) => ({ type, label: TYPE_LABELS[type] })));
  });
});
