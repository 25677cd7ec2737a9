import type { Viewer } from '../auth/viewer.js';
import { Role } from './enums.js';
import { conflict, forbidden, notFound } from './errors.js';
import type { Queryable } from './sql.js';

/**
 * What a change does to a piece of work: EDIT changes what was recorded (its text, dates, visibility,
 * or deletes it); CLOSE settles what is pending on it (marks a follow-up done, records a reply).
 */
export type Right = 'EDIT' | 'CLOSE';

/**
 * The organizations that share a piece of work besides its own: `members`, the organizations of
 * the mandate it belongs to (the co-coordinators); `successors`, the organizations of the mandates
 * that took over from that mandate, or that took the item over at a hand-over (and of their own
 * successors).
 */
export interface Team {
  members: readonly string[];
  successors: readonly string[];
}

/** The tables of the work a mandate shares, each with `id`, `organization_id` and `mandate_id`. */
export type TeamTable = 'interactions' | 'letter_campaigns' | 'events' | 'planned_meetings' | 'obstacles';

/** The team of the item `t` (SQL): its `members` and `successors` as JSON arrays. */
export const TEAM_COLUMNS = `to_json((SELECT m.organization_ids FROM mandates m WHERE m.id = t.mandate_id)) AS members,
  to_json(ratify_mandate_readers(t.mandate_id) || coalesce((SELECT array_agg(o) FROM mandates c CROSS JOIN LATERAL unnest(ratify_mandate_readers(c.id)) o
    WHERE t.id = ANY(c.carried_follow_up_ids) OR t.id = ANY(c.carried_obstacle_ids)), '{}')) AS successors`;

/** The team of one item (see Team): one statement. */
export async function teamOf(db: Queryable, table: TeamTable, id: string): Promise<Team> {
  const rows: { members: string[] | null; successors: string[] | null }[] = await db.query(
    `SELECT ${TEAM_COLUMNS} FROM ${table} t WHERE t.id = $1`,
    [id],
  );
  return toTeam(rows[0]);
}

export function toTeam(row: { members: string[] | null; successors: string[] | null } | undefined): Team {
  return { members: row?.members ?? [], successors: row?.successors ?? [] };
}

/**
 * The one rule for who may change a piece of work, whatever the mutation:
 * - admins change anything they see;
 * - its own organization changes it (the organization that logged, sent, recorded or planned it);
 * - with a mandate, the coordinators of the mandate's organizations change it as its own (a mandate
 *   is a team): its campaigns and letters, events, meetings and linked interactions;
 * - the coordinators of the organizations that took it over (the successor mandates' organizations)
 *   close it: mark its follow-up done, record its reply. They do not rewrite or delete it.
 */
export function mayChange(viewer: Viewer, row: { organizationId: string | null }, team: Team | null, right: Right): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (row.organizationId !== null && row.organizationId === viewer.organizationId) return true;
  if (viewer.role !== Role.COORDINATOR || !team) return false;
  if (team.members.includes(viewer.organizationId)) return true;
  return right === 'CLOSE' && team.successors.includes(viewer.organizationId);
}

/**
 * A row that the viewer is about to change, as read under the visibility rule (null when it does not
 * exist or the viewer may not see it): NOT_FOUND when it may not see it (revealing nothing), FORBIDDEN
 * unless mayChange allows it, CONFLICT when the version the viewer read is stale. Without a team, only
 * its organization (and admins) may change it.
 */
export function editableRow<T extends { organizationId: string; version: number }>(
  viewer: Viewer,
  row: T | null,
  ref: { what: string; id: string; expectedVersion?: number; forbidden: string },
  team: Team | null = null,
  right: Right = 'EDIT',
): T {
  if (!row) throw notFound(ref.what, ref.id);
  if (!mayChange(viewer, row, team, right)) throw forbidden(ref.forbidden);
  if (ref.expectedVersion !== undefined && row.version !== ref.expectedVersion)
    throw conflict(ref.what, ref.id, ref.expectedVersion, row.version);
  return row;
}

/** editableRow, with the team of the row read from `table` (only when the viewer is not already allowed without it). */
export async function editableTeamRow<T extends { id: string; organizationId: string; version: number }>(
  viewer: Viewer,
  row: T | null,
  ref: { what: string; id: string; expectedVersion?: number; forbidden: string },
  db: Queryable,
  table: TeamTable,
  right: Right = 'EDIT',
): Promise<T> {
  const team = row && !mayChange(viewer, row, null, right) ? await teamOf(db, table, row.id) : null;
  return editableRow(viewer, row, ref, team, right);
}
