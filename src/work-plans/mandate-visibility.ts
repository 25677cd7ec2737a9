import type { Viewer } from '../auth/viewer.js';
import { Role, Visibility } from '../common/enums.js';
import type { SqlParams } from '../common/sql.js';
import { mandateReadersSql } from '../interactions/visibility.js';

/**
 * Who reads a mandate, as SQL on the mandates alias `m`: the interaction rule, with the mandate's
 * organizations in place of the author's. Partners read SHARED mandates (the default, as work
 * plans are usually shared with them); coordinators and admins read SHARED and COORDINATORS ones,
 * ORGANIZATION ones of which their organization is a part, and MANDATE ones of which their
 * organization, or that of a mandate that took over from it, is a part.
 */
export function mandateVisibleTo(viewer: Viewer, p: SqlParams, alias = 'm'): string {
  if (viewer.role === Role.PARTNER) return `${alias}.visibility = 'SHARED'`;
  const organization = `${p.add(viewer.organizationId)}::uuid`;
  return `(${alias}.visibility::text NOT IN ('ORGANIZATION', 'MANDATE') OR ${organization} = ANY(${alias}.organization_ids)
    OR (${alias}.visibility::text = 'MANDATE' AND ${organization} = ANY(${mandateReadersSql(`${alias}.id`)})))`;
}

/** Who edits a mandate and its work plan: admins, and coordinators of its organizations. */
export function canEditMandate(viewer: Viewer, mandate: { organizationIds: string[] }): boolean {
  return viewer.role === Role.ADMIN || (viewer.role === Role.COORDINATOR && mandate.organizationIds.includes(viewer.organizationId));
}

/** In memory; `readerIds` (with MANDATE) are the organizations of the mandate and of those that took over from it. */
export function canSeeMandate(viewer: Viewer, mandate: { visibility: Visibility; organizationIds: string[]; readerIds?: string[] }): boolean {
  if (viewer.role === Role.PARTNER) return mandate.visibility === Visibility.SHARED;
  if (mandate.visibility === Visibility.MANDATE) return (mandate.readerIds ?? mandate.organizationIds).includes(viewer.organizationId);
  return mandate.visibility !== Visibility.ORGANIZATION || mandate.organizationIds.includes(viewer.organizationId);
}
