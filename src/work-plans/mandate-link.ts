import type { Viewer } from '../auth/viewer.js';
import { todayIso } from '../common/dates.js';
import { Visibility } from '../common/enums.js';
import { badInput, forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { SqlParams, type Queryable } from '../common/sql.js';
import { canEditMandate, mandateVisibleTo } from '../auth/visibility.js';

/** A mandate's organizations, read as JSON. */
interface MandateOrganizationsRow {
  organizationIds: string[] | string;
}

/** The author organization's current mandate, if any (see currentMandateSql). */
interface CurrentMandateRow {
  id: string | null;
}

/**
 * The mandate a new piece of work belongs to. With `mandateId`: that mandate, which the viewer must
 * be allowed to edit (NOT_FOUND when it may not see it, FORBIDDEN when it may see it but is not one
 * of its organizations). Without: none, except that MANDATE visibility takes the author
 * organization's current mandate (the one whose period holds today, the latest started); with
 * none, MANDATE is a BAD_USER_INPUT.
 */
export async function mandateFor(
  viewer: Viewer,
  mandateId: string | null | undefined,
  visibility: Visibility | null | undefined,
  db: Queryable,
): Promise<string | null> {
  if (mandateId) {
    const p = new SqlParams();
    const rows = isUuid(mandateId)
      ? await db.query<MandateOrganizationsRow[]>(
          `SELECT to_json(m.organization_ids) AS "organizationIds" FROM mandates m WHERE m.id = ${p.add(mandateId)} AND ${mandateVisibleTo(viewer, p)}`,
          p.values,
        )
      : [];
    if (!rows[0]) throw notFound('Mandate', mandateId);
    if (!canEditMandate(viewer, { organizationIds: rows[0].organizationIds as string[] })) {
      throw forbidden("Only the mandate's organizations (and admins) add work to a mandate");
    }
    return mandateId;
  }
  if (visibility !== Visibility.MANDATE) return null;
  const p = new SqlParams();
  const rows = await db.query<CurrentMandateRow[]>(`SELECT ${currentMandateSql(viewer, p)} AS id`, p.values);
  return mandateOrRefusal(rows[0]?.id ?? null);
}

/** The id of the author organization's current mandate (SQL; null when it has none): see mandateFor. */
export function currentMandateSql(viewer: Viewer, p: SqlParams): string {
  const today = p.add(todayIso());
  return `(SELECT m.id FROM mandates m WHERE ${p.add(viewer.organizationId)}::uuid = ANY(m.organization_ids) AND m.period_from <= ${today}::date
     AND m.period_to >= ${today}::date ORDER BY m.period_from DESC, m.id LIMIT 1)`;
}

/** The current mandate read by currentMandateSql, for an item with MANDATE visibility: none is a BAD_USER_INPUT. */
export function mandateOrRefusal(id: string | null): string {
  if (!id) throw noMandate();
  return id;
}

/** A change to MANDATE visibility keeps the rule of mandateFor: the item must belong to a mandate. */
export function checkMandateVisibility(visibility: Visibility | null | undefined, mandateId: string | null): void {
  if (visibility === Visibility.MANDATE && !mandateId) throw noMandate();
}

function noMandate() {
  return badInput('MANDATE visibility needs a mandate: give mandateId, or be part of a mandate whose period holds today', {
    field: 'visibility',
  });
}
