import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../src/auth/viewer.js';
import { Role, Visibility } from '../../src/common/enums.js';
import { SqlParams } from '../../src/common/sql.js';
import { canSee, visibleLinkRanges, visibleTo } from '../../src/interactions/visibility.js';
import { canSeeWithOrganizations, visibleWithOrganizations } from '../../src/activity/activity-subjects.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('the visibility rule in SQL, as index ranges of the State links, and in memory', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it('agrees for every role, organization and visibility', async () => {
    const author = randomUUID();
    const other = randomUUID();
    const checked: string[] = [];
    for (const role of Object.values(Role)) {
      for (const organizationId of [author, other]) {
        const viewer: Viewer = { id: randomUUID(), email: 'v@example.org', displayName: 'V', role, organizationId };
        for (const visibility of Object.values(Visibility)) {
          const p = new SqlParams();
          const vis = p.add(visibility);
          const org = p.add(author);
          const ranges = visibleLinkRanges(viewer, p).map((range) => `(${range})`).join(' OR ');
          const sql = `SELECT ${visibleTo(viewer, p)} AS visible, ${ranges} AS "inRange"
                       FROM (SELECT ${vis}::visibility AS visibility, ${org}::uuid AS organization_id) i, LATERAL (SELECT i.*) l`;
          const [{ visible, inRange }] = await db.dataSource.query(sql, p.values);
          const expected = canSee(viewer, { visibility, organizationId: author });
          expect([role, organizationId === author, visibility, visible, inRange]).toEqual([
            role,
            organizationId === author,
            visibility,
            expected,
            expected,
          ]);
          checked.push(`${role}/${visibility}`);
        }
      }
    }
    expect(checked).toHaveLength(3 * 2 * 3);
  });

  it('agrees, with several organizations (mandates, feed entries), for every role, organization and visibility', async () => {
    const [first, second, outsider] = [randomUUID(), randomUUID(), randomUUID()];
    const checked: string[] = [];
    for (const role of Object.values(Role)) {
      for (const organizationId of [first, second, outsider]) {
        const viewer: Viewer = { id: randomUUID(), email: 'v@example.org', displayName: 'V', role, organizationId };
        for (const visibility of Object.values(Visibility)) {
          const p = new SqlParams();
          const row = `SELECT ${p.add(visibility)}::visibility AS vis, ${p.add([first, second])}::uuid[] AS orgs`;
          const [{ visible }] = await db.dataSource.query(`SELECT ${visibleWithOrganizations(viewer, p, 'r.vis', 'r.orgs')} AS visible FROM (${row}) r`, p.values);
          expect([role, organizationId, visibility, visible]).toEqual([role, organizationId, visibility, canSeeWithOrganizations(viewer, visibility, [first, second])]);
          checked.push(`${role}/${visibility}`);
        }
      }
    }
    expect(checked).toHaveLength(3 * 3 * 3);
  });
});
