import type { Viewer } from '../auth/viewer.js';
import { Role, Visibility } from '../common/enums.js';
import type { SqlParams } from '../common/sql.js';

/**
 * The one rule for who sees an interaction, as SQL on the interactions alias `i`, so that every
 * path to an interaction (lists, a State's or contact's interactions, last-contact dates) applies it
 * in the database:
 * - partners see SHARED interactions only;
 * - coordinators and admins see SHARED and COORDINATORS interactions, and ORGANIZATION ones of
 *   their own organization.
 */
export function visibleTo(viewer: Viewer, p: SqlParams, alias = 'i'): string {
  if (viewer.role === Role.PARTNER) return `${alias}.visibility = 'SHARED'`;
  return `(${alias}.visibility <> 'ORGANIZATION' OR ${alias}.organization_id = ${p.add(viewer.organizationId)}::uuid)`;
}

/**
 * The same rule, for one interaction already in hand (live delivery to subscribers). A test
 * checks that it agrees with visibleTo() for every role, organization and visibility.
 */
export function canSee(viewer: Viewer, interaction: { visibility: Visibility; organizationId: string }): boolean {
  if (viewer.role === Role.PARTNER) return interaction.visibility === Visibility.SHARED;
  return interaction.visibility !== Visibility.ORGANIZATION || interaction.organizationId === viewer.organizationId;
}
