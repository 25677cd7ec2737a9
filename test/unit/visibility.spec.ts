import type { Viewer } from '../../src/auth/viewer.js';
import { Role, Visibility } from '../../src/common/enums.js';
import { SqlParams } from '../../src/common/sql.js';
import {
  canSee,
  countedLinkRanges,
  mandateLinkRange,
  mandateReadersSql,
  newestVisibleOn,
  visibleLinkRanges,
  visibleTo,
  visibleToEvery,
} from '../../src/auth/visibility.js';

const OWN = 'org-own';
const OTHER = 'org-other';
const viewer = (role: Role): Viewer => ({ id: 'u', email: 'u@example.org', displayName: 'U', role, organizationId: OWN });
const flat = (sql: string | null) => sql?.replace(/\s+/g, ' ');

describe('who sees an item, in memory', () => {
  // [visibility, organization of the item, mandate readers] → [partner, coordinator, admin]
  const cases: [Visibility, string | null, string[] | null | undefined, boolean, boolean][] = [
    [Visibility.SHARED, OTHER, undefined, true, true],
    [Visibility.SHARED, null, null, true, true],
    [Visibility.COORDINATORS, OTHER, undefined, false, true],
    [Visibility.COORDINATORS, OWN, undefined, false, true],
    [Visibility.ORGANIZATION, OWN, undefined, false, true],
    [Visibility.ORGANIZATION, OTHER, undefined, false, false],
    [Visibility.ORGANIZATION, OTHER, [OWN], false, false],
    [Visibility.ORGANIZATION, null, undefined, false, false],
    [Visibility.MANDATE, OWN, [], false, true],
    [Visibility.MANDATE, OTHER, [OTHER, OWN], false, true],
    [Visibility.MANDATE, OTHER, [OTHER], false, false],
    [Visibility.MANDATE, OTHER, null, false, false],
    [Visibility.MANDATE, OTHER, undefined, false, false],
  ];

  it.each(cases)(
    '%s of %s (mandate readers %j): partner %s, coordinator and admin %s',
    (visibility, organizationId, mandateReaderIds, partner, coordinator) => {
      const item = { visibility, organizationId, mandateReaderIds };
      expect([canSee(viewer(Role.PARTNER), item), canSee(viewer(Role.COORDINATOR), item), canSee(viewer(Role.ADMIN), item)]).toEqual([
        partner,
        coordinator,
        coordinator,
      ]);
    },
  );
});

describe('who sees an item, in SQL (run against the database by test/integration/visibility-rule.spec.ts)', () => {
  it('names the readers of a mandate', () => {
    expect(mandateReadersSql('x.mandate_id')).toBe('ratify_mandate_readers(x.mandate_id)');
  });

  it('lets partners read SHARED items only, with no parameter', () => {
    const p = new SqlParams();
    expect(visibleTo(viewer(Role.PARTNER), p)).toBe(`i.visibility = 'SHARED'`);
    expect(visibleTo(viewer(Role.PARTNER), p, 'e')).toBe(`e.visibility = 'SHARED'`);
    expect(countedLinkRanges(viewer(Role.PARTNER), p)).toEqual([`l.visibility = 'SHARED'`]);
    expect(visibleLinkRanges(viewer(Role.PARTNER), p, 'x')).toEqual([`x.visibility = 'SHARED'`]);
    expect(mandateLinkRange(viewer(Role.PARTNER), p)).toBeNull();
    expect(p.values).toEqual([]);
  });

  it.each([Role.COORDINATOR, Role.ADMIN])('lets a %s read the rest by organization and mandate', (role) => {
    const p = new SqlParams();
    expect(flat(visibleTo(viewer(role), p, 'e'))).toBe(
      `(e.visibility::text NOT IN ('ORGANIZATION', 'MANDATE') OR e.organization_id = (SELECT $1::uuid) OR (e.visibility::text = 'MANDATE' AND (SELECT $1::uuid) = ANY(ratify_mandate_readers(e.mandate_id))))`,
    );
    expect(flat(visibleTo(viewer(role), new SqlParams()))).toContain(' i.organization_id = (SELECT $1::uuid) ');
    expect(p.values).toEqual([OWN]);
  });

  it('splits the rule into index ranges of the State links', () => {
    const p = new SqlParams();
    expect(visibleLinkRanges(viewer(Role.COORDINATOR), p).map(flat)).toEqual([
      `l.visibility = 'SHARED'`,
      `l.visibility = 'COORDINATORS'`,
      `l.visibility = 'ORGANIZATION' AND l.organization_id = $2::uuid`,
      `l.visibility = 'MANDATE' AND (l.organization_id = $1::uuid OR $1::uuid = ANY(ratify_mandate_readers((SELECT mi.mandate_id FROM interactions mi WHERE mi.id = l.interaction_id))))`,
    ]);
    expect(p.values).toEqual([OWN, OWN]);
    expect(mandateLinkRange(viewer(Role.ADMIN), new SqlParams())).toMatch(
      /^l\.visibility = 'MANDATE' AND \(l\.organization_id = \$1::uuid/,
    );
    expect(countedLinkRanges(viewer(Role.ADMIN), new SqlParams(), 'c')).toEqual([
      `c.visibility = 'SHARED'`,
      `c.visibility = 'COORDINATORS'`,
      `c.visibility = 'ORGANIZATION' AND c.organization_id = $1::uuid`,
    ]);
  });

  it('finds the newest visible interaction about a State as the greatest of the ranges', () => {
    const p = new SqlParams();
    expect(newestVisibleOn(viewer(Role.PARTNER), p, 's.iso3')).toBe(
      `(SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = s.iso3 AND l.visibility = 'SHARED')`,
    );
    expect(newestVisibleOn(viewer(Role.PARTNER), p, 's.iso3', '2026-01-31')).toBe(
      `(SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = s.iso3 AND l.visibility = 'SHARED' AND l.occurred_on <= $1::date)`,
    );
    expect(p.values).toEqual(['2026-01-31']);
    const q = new SqlParams();
    const sql = flat(newestVisibleOn(viewer(Role.COORDINATOR), q, '$9', '2026-01-31'))!;
    expect(sql.startsWith('greatest((SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = $9 AND ')).toBe(true);
    expect(sql.split('SELECT max(l.occurred_on)')).toHaveLength(5);
    expect(sql.split(' AND l.occurred_on <= $1::date)')).toHaveLength(5);
    expect(q.values).toEqual(['2026-01-31', OWN, OWN]);
    expect(sql).toContain(`), (SELECT max(`);
  });

  it('lets every one of several organizations read an item only when each of them would', () => {
    const p = new SqlParams();
    expect(flat(visibleToEvery([OWN, OTHER], p, 'w'))).toBe(
      `(w.visibility::text IN ('SHARED', 'COORDINATORS') OR (w.visibility::text = 'ORGANIZATION' AND $1::uuid[] <@ ARRAY[w.organization_id]) OR (w.visibility::text = 'MANDATE' AND $1::uuid[] <@ (ARRAY[w.organization_id] || ratify_mandate_readers(w.mandate_id))))`,
    );
    expect(p.values).toEqual([[OWN, OTHER]]);
    expect(flat(visibleToEvery([OWN], new SqlParams()))).toContain(`(i.visibility::text IN ('SHARED', 'COORDINATORS') OR`);
  });
});
