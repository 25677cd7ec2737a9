import type { Viewer } from './viewer.js';
import { Role, Visibility } from '../common/enums.js';
import type { SqlParams } from '../common/sql.js';

/**
 * The organizations that read an item of the mandate `mandateSql` (SQL, a uuid or null) with the
 * visibility MANDATE: the mandate's organizations and those of every mandate that took over from it
 * (`ratify_mandate_readers`, see the joint-work migration). Empty without a mandate.
 */
export function mandateReadersSql(mandateSql: string): string {
  return `ratify_mandate_readers(${mandateSql})`;
}

/**
 * The one rule for who sees an interaction, as SQL on the interactions alias `i`, so that every
 * path to an interaction (lists, a State's or contact's interactions, last-contact dates) applies it
 * in the database. Every table with a visibility follows it, with its own `organization_id` and
 * `mandate_id` columns:
 * - partners see SHARED interactions only;
 * - coordinators and admins see SHARED and COORDINATORS interactions, ORGANIZATION and MANDATE ones
 *   of their own organization, and MANDATE ones of a mandate their organization belongs to (or of
 *   an earlier mandate that one took over from).
 */
export function visibleTo(viewer: Viewer, p: SqlParams, alias = 'i'): string {
  if (viewer.role === Role.PARTNER) return `${alias}.visibility = 'SHARED'`;
  // The organization as a sub-select: the planner then estimates the rule alike for every
  // organization, so a prepared statement's generic plan costs what a fresh one would and is reused
  // rather than planned again on every execution (an index cannot serve this OR in any case).
  const organization = `(SELECT ${p.add(viewer.organizationId)}::uuid)`;
  return `(${alias}.visibility::text NOT IN ('ORGANIZATION', 'MANDATE') OR ${alias}.organization_id = ${organization}
    OR (${alias}.visibility::text = 'MANDATE' AND ${organization} = ANY(${mandateReadersSql(`${alias}.mandate_id`)})))`;
}

/** The organizations that read an item besides its own, in memory: with MANDATE, its mandate's readers. */
export interface Readable {
  visibility: Visibility;
  organizationId: string | null;
  /** With MANDATE: the organizations of its mandate and of the mandates that took over from it. */
  mandateReaderIds?: readonly string[] | null;
}

/**
 * The same rule, for one item already in hand (live delivery to subscribers). A test checks that it
 * agrees with visibleTo() for every role, organization and visibility.
 */
export function canSee(viewer: Viewer, item: Readable): boolean {
  if (viewer.role === Role.PARTNER) return item.visibility === Visibility.SHARED;
  if (item.visibility === Visibility.COORDINATORS || item.visibility === Visibility.SHARED) return true;
  if (item.organizationId === viewer.organizationId) return true;
  return item.visibility === Visibility.MANDATE && !!item.mandateReaderIds?.includes(viewer.organizationId);
}

/**
 * The same rule as ranges of the link table interaction_states (alias `l`), whose rows carry a copy
 * of their interaction's visibility and organization: a link is visible when it is in any of the
 * ranges. Each range is a prefix of an index after the State (`ix_interaction_states_visible`, or
 * `ix_interaction_states_organization`), ordered by date, so the newest visible links of a State
 * are the merge of these few index ranges, whatever the number of hidden ones. MANDATE links are
 * a range of the first index too, each checked against its interaction's mandate (see mandateLinkRange).
 */
export function visibleLinkRanges(viewer: Viewer, p: SqlParams, alias = 'l'): string[] {
  const mandate = mandateLinkRange(viewer, p, alias);
  return mandate ? [...countedLinkRanges(viewer, p, alias), mandate] : countedLinkRanges(viewer, p, alias);
}

/** The ranges of visibleLinkRanges that state_interaction_counts (same key columns) can count. */
export function countedLinkRanges(viewer: Viewer, p: SqlParams, alias = 'l'): string[] {
  const shared = `${alias}.visibility = 'SHARED'`;
  if (viewer.role === Role.PARTNER) return [shared];
  return [
    shared,
    `${alias}.visibility = 'COORDINATORS'`,
    `${alias}.visibility = 'ORGANIZATION' AND ${alias}.organization_id = ${p.add(viewer.organizationId)}::uuid`,
  ];
}

/** MANDATE links that this viewer reads (null for partners), on interaction_states only (not on the counts). */
export function mandateLinkRange(viewer: Viewer, p: SqlParams, alias = 'l'): string | null {
  if (viewer.role === Role.PARTNER) return null;
  const organization = `${p.add(viewer.organizationId)}::uuid`;
  return `${alias}.visibility = 'MANDATE' AND (${alias}.organization_id = ${organization}
    OR ${organization} = ANY(${mandateReadersSql(`(SELECT mi.mandate_id FROM interactions mi WHERE mi.id = ${alias}.interaction_id)`)}))`;
}

/** SQL for the date of the newest interaction this viewer may see about the State `iso3Sql` (null if none). */
export function newestVisibleOn(viewer: Viewer, p: SqlParams, iso3Sql: string, onOrBefore?: string): string {
  const bound = onOrBefore === undefined ? '' : ` AND l.occurred_on <= ${p.add(onOrBefore)}::date`;
  const ranges = visibleLinkRanges(viewer, p).map(
    (range) => `(SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = ${iso3Sql} AND ${range}${bound})`,
  );
  return ranges.length === 1 ? ranges[0] : `greatest(${ranges.join(', ')})`;
}

/**
 * Whether every coordinator of every one of these organizations sees the row (SQL on `alias`, a
 * table with the visibility columns): what a mandate's organizations all see, for the numbers that
 * must be the same for each of them (a mandate's progress report).
 */
export function visibleToEvery(organizationIds: readonly string[], p: SqlParams, alias = 'i'): string {
  const organizations = `${p.add(organizationIds)}::uuid[]`;
  return `(${alias}.visibility::text IN ('SHARED', 'COORDINATORS')
    OR (${alias}.visibility::text = 'ORGANIZATION' AND ${organizations} <@ ARRAY[${alias}.organization_id])
    OR (${alias}.visibility::text = 'MANDATE' AND ${organizations} <@ (ARRAY[${alias}.organization_id] || ${mandateReadersSql(`${alias}.mandate_id`)})))`;
}

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
