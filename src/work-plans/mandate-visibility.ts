import type { Viewer } from '../auth/viewer.js';
import { Role, Visibility } from '../common/enums.js';
import type { SqlParams } from '../common/sql.js';

/**
 * Who reads a mandate, as SQL on the mandates alias `m`: the interaction rule, with the mandate's
 * organizations in place of the author's. Partners read SHARED mandates (the default, as work
 * plans are usually shared with them); coordinators and admins read SHARED and COORDINATORS ones,
 * and ORGANIZATION ones of which their organization is a part.
 */
export function mandateVisibleTo(viewer: Viewer, p: SqlParams, alias = 'm'): string {
  if (viewer.role === Role.PARTNER) return `${alias}.visibility = 'SHARED'`;
  return `(${alias}.visibility <> 'ORGANIZATION' OR ${p.add(viewer.organizationId)}::uuid = ANY(${alias}.organization_ids))`;
}

/** Who edits a mandate and its work plan: admins, and coordinators of its organizations. */
export function canEditMandate(viewer: Viewer, mandate: { organizationIds: string[] }): boolean {
  return viewer.role === Role.ADMIN || (viewer.role === Role.COORDINATOR && mandate.organizationIds.includes(viewer.organizationId));
}

export function canSeeMandate(viewer: Viewer, mandate: { visibility: Visibility; organizationIds: string[] }): boolean {
  if (viewer.role === Role.PARTNER) return mandate.visibility === Visibility.SHARED;
  return mandate.visibility !== Visibility.ORGANIZATION || mandate.organizationIds.includes(viewer.organizationId);
}
