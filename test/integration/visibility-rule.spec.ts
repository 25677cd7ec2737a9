import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../src/auth/viewer.js';
import { Role, Visibility } from '../../src/common/enums.js';
import { SqlParams } from '../../src/common/sql.js';
import { canSee, mandateVisibleTo, visibleLinkRanges, visibleTo } from '../../src/auth/visibility.js';
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
    // The author's organization and a teammate share a mandate, taken over by a successor's; an outsider is in neither.
    const [author, teammate, successor, outsider] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [mandate, next, user] = [randomUUID(), randomUUID(), randomUUID()];
    const q = (sql: string, values: unknown[]) => db.dataSource.query(sql, values);
    for (const organization of [author, teammate, successor, outsider])
      await q(`INSERT INTO organizations (id, name, kind) VALUES ($1, $2, 'GOVERNMENT')`, [organization, organization]);
    await q(
      `INSERT INTO users (id, email, password_hash, display_name, role, organization_id) VALUES ($1, $2, 'x', 'Author', 'COORDINATOR', $3)`,
      [user, `${user}@example.org`, author],
    );
    await q(
      `INSERT INTO mandates (id, name, period_from, period_to, organization_ids) VALUES ($1, 'First', '2020-01-01', '2020-12-31', $2::uuid[])`,
      [mandate, [author, teammate]],
    );
    await q(
      `INSERT INTO mandates (id, name, period_from, period_to, organization_ids, previous_mandate_id) VALUES ($1, 'Next', '2021-01-01', '2021-12-31', $2::uuid[], $3)`,
      [next, [successor], mandate],
    );
    const checked: string[] = [];
    for (const visibility of Object.values(Visibility)) {
      const interaction = randomUUID();
      await q(
        `INSERT INTO interactions (id, type, occurred_on, subject, visibility, organization_id, author_id, mandate_id) VALUES ($1, 'EMAIL', '2020-06-01', 's', $2, $3, $4, $5)`,
        [interaction, visibility, author, user, mandate],
      );
      for (const role of Object.values(Role)) {
        for (const organizationId of [author, teammate, successor, outsider]) {
          const viewer: Viewer = { id: randomUUID(), email: 'v@example.org', displayName: 'V', role, organizationId };
          const p = new SqlParams();
          const ranges = visibleLinkRanges(viewer, p)
            .map((range) => `(${range})`)
            .join(' OR ');
          const sql = `SELECT ${visibleTo(viewer, p)} AS visible, ${ranges} AS "inRange"
                       FROM (SELECT *, id AS interaction_id FROM interactions WHERE id = ${p.add(interaction)}) i, LATERAL (SELECT i.*) l`;
          const [{ visible, inRange }] = await db.dataSource.query(sql, p.values);
          const expected = canSee(viewer, { visibility, organizationId: author, mandateReaderIds: [author, teammate, successor] });
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
    expect(checked).toHaveLength(4 * 3 * 4);
    // The mandate's readers: its organizations and its successor's, and no one else.
    const [{ readers }] = await q(`SELECT to_json(ratify_mandate_readers($1)) AS readers`, [mandate]);
    expect([...readers].sort()).toEqual([author, teammate, successor].sort());
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
          const [{ visible }] = await db.dataSource.query(
            `SELECT ${visibleWithOrganizations(viewer, p, 'r.vis', 'r.orgs')} AS visible FROM (${row}) r`,
            p.values,
          );
          expect([role, organizationId, visibility, visible]).toEqual([
            role,
            organizationId,
            visibility,
            canSeeWithOrganizations(viewer, visibility, [first, second]),
          ]);
          checked.push(`${role}/${visibility}`);
        }
      }
    }
    expect(checked).toHaveLength(3 * 3 * 4);
  });
  it("applies the same rule to mandates, with the mandate's organizations as the author's", async () => {
    const [member, partnerOrg, successor, outsider] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const q = (sql: string, values: unknown[]) => db.dataSource.query(sql, values);
    for (const organization of [member, partnerOrg, successor, outsider])
      await q(`INSERT INTO organizations (id, name, kind) VALUES ($1, $2, 'GOVERNMENT')`, [organization, organization]);
    const checked: string[] = [];
    for (const visibility of Object.values(Visibility)) {
      const [mandate, next] = [randomUUID(), randomUUID()];
      await q(
        `INSERT INTO mandates (id, name, period_from, period_to, organization_ids, visibility) VALUES ($1, 'First', '2020-01-01', '2020-12-31', $2::uuid[], $3)`,
        [mandate, [member, partnerOrg], visibility],
      );
      await q(
        `INSERT INTO mandates (id, name, period_from, period_to, organization_ids, previous_mandate_id) VALUES ($1, 'Next', '2021-01-01', '2021-12-31', $2::uuid[], $3)`,
        [next, [successor], mandate],
      );
      for (const role of Object.values(Role)) {
        for (const organizationId of [member, successor, outsider]) {
          const viewer: Viewer = { id: randomUUID(), email: 'v@example.org', displayName: 'V', role, organizationId };
          const p = new SqlParams();
          const [{ visible }] = await q(
            `SELECT ${mandateVisibleTo(viewer, p)} AS visible FROM mandates m WHERE m.id = ${p.add(mandate)}`,
            p.values,
          );
          // The interaction rule, the mandate's organizations being the author's; with MANDATE, its successors read it too.
          const readers = visibility === Visibility.MANDATE ? [member, partnerOrg, successor] : [member, partnerOrg];
          const expected =
            role === Role.PARTNER
              ? visibility === Visibility.SHARED
              : visibility === Visibility.SHARED || visibility === Visibility.COORDINATORS || readers.includes(organizationId);
          expect([role, organizationId === member, organizationId === successor, visibility, visible]).toEqual([
            role,
            organizationId === member,
            organizationId === successor,
            visibility,
            expected,
          ]);
          checked.push(`${role}/${visibility}`);
        }
      }
    }
    expect(checked).toHaveLength(3 * 3 * 4);
  });
});
