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
  // The organization as a sub-select: the planner then estimates the rule alike for every
  // organization, so a prepared statement's generic plan costs what a fresh one would and is reused
  // rather than planned again on every execution (an index cannot serve this OR in any case).
  return `(${alias}.visibility <> 'ORGANIZATION' OR ${alias}.organization_id = (SELECT ${p.add(viewer.organizationId)}::uuid))`;
}

/**
 * The same rule, for one interaction already in hand (live delivery to subscribers). A test
 * checks that it agrees with visibleTo() for every role, organization and visibility.
 */
export function canSee(viewer: Viewer, interaction: { visibility: Visibility; organizationId: string }): boolean {
  if (viewer.role === Role.PARTNER) return interaction.visibility === Visibility.SHARED;
  return interaction.visibility !== Visibility.ORGANIZATION || interaction.organizationId === viewer.organizationId;
}

/**
 * The same rule as ranges of the link table interaction_states (alias `l`), whose rows carry a copy
 * of their interaction's visibility and organization: a link is visible when it is in any of the
 * ranges. Each range is a prefix of an index after the State (`ix_interaction_states_visible`, or
 * `ix_interaction_states_organization`), ordered by date, so the newest visible links of a State
 * are the merge of these few index ranges, whatever the number of hidden ones.
 */
export function visibleLinkRanges(viewer: Viewer, p: SqlParams, alias = 'l'): string[] {
  const shared = `${alias}.visibility = 'SHARED'`;
  if (viewer.role === Role.PARTNER) return [shared];
  return [
    shared,
    `${alias}.visibility = 'COORDINATORS'`,
    `${alias}.visibility = 'ORGANIZATION' AND ${alias}.organization_id = ${p.add(viewer.organizationId)}::uuid`,
  ];
}

/** SQL for the date of the newest interaction this viewer may see about the State `iso3Sql` (null if none). */
export function newestVisibleOn(viewer: Viewer, p: SqlParams, iso3Sql: string, onOrBefore?: string): string {
  const bound = onOrBefore === undefined ? '' : ` AND l.occurred_on <= ${p.add(onOrBefore)}::date`;
  const ranges = visibleLinkRanges(viewer, p).map(
    (range) => `(SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = ${iso3Sql} AND ${range}${bound})`,
  );
  return ranges.length === 1 ? ranges[0] : `greatest(${ranges.join(', ')})`;
}
