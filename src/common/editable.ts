import type { Viewer } from '../auth/viewer.js';
import { Role } from './enums.js';
import { conflict, forbidden, notFound } from './errors.js';

/**
 * A row of an organization that the viewer is about to change, as read under the visibility rule
 * (null when it does not exist or the viewer may not see it): NOT_FOUND when it may not see it
 * (revealing nothing), FORBIDDEN unless it is the viewer's organization's (admins change any they
 * see), CONFLICT when the version the viewer read is stale.
 */
export function editableRow<T extends { organizationId: string; version: number }>(
  viewer: Viewer,
  row: T | null,
  ref: { what: string; id: string; expectedVersion?: number; forbidden: string },
): T {
  if (!row) throw notFound(ref.what, ref.id);
  if (viewer.role !== Role.ADMIN && row.organizationId !== viewer.organizationId) throw forbidden(ref.forbidden);
  if (ref.expectedVersion !== undefined && row.version !== ref.expectedVersion) throw conflict(ref.what, ref.id, ref.expectedVersion, row.version);
  return row;
}
