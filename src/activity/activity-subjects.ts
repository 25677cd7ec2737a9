import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, Role, Visibility } from '../common/enums.js';
import type { SqlParams } from '../common/sql.js';
import { mandateReadersSql } from '../auth/visibility.js';

/** Who reads a mandate with its visibility (SQL on alias `d`): its organizations; with MANDATE, its successors' too. */
function mandateOrganizationsSql(d: string): string {
  return `CASE WHEN ${d}.visibility::text = 'MANDATE' THEN ${mandateReadersSql(`${d}.id`)} ELSE ${d}.organization_ids END`;
}

/**
 * What an activity event is about, when that is not an interaction (`interaction_id`): the item whose
 * current visibility decides who sees the event, and whose current text fills in its summary.
 * Events that report a deletion have no subject: they keep the text and visibility of the moment.
 */
export type SubjectTable = 'campaign' | 'event' | 'meeting' | 'mandate' | 'stageChange' | 'obstacle';

export const SUBJECT_OF: Partial<Record<ActivityKind, SubjectTable>> = {
  [ActivityKind.CAMPAIGN_CREATED]: 'campaign',
  [ActivityKind.CAMPAIGN_CHANGED]: 'campaign',
  [ActivityKind.LETTER_REPLY_LOGGED]: 'campaign',
  [ActivityKind.EVENT_RECORDED]: 'event',
  [ActivityKind.EVENT_CHANGED]: 'event',
  [ActivityKind.MEETING_PLANNED]: 'meeting',
  [ActivityKind.MEETING_CHANGED]: 'meeting',
  [ActivityKind.MANDATE_STARTED]: 'mandate',
  [ActivityKind.WORK_PLAN_CHANGED]: 'mandate',
  [ActivityKind.STAGE_CHANGED]: 'stageChange',
  [ActivityKind.OBSTACLE_RECORDED]: 'obstacle',
};

function kindsOf(table: SubjectTable): string {
  return Object.entries(SUBJECT_OF)
    .filter(([, t]) => t === table)
    .map(([kind]) => `'${kind}'`)
    .join(', ');
}

const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The organizations that read an item (SQL): its own, and with MANDATE those of its mandate and the
 * mandates that took over from it (see visibleTo).
 */
export function readersOf(vis: string, organization: string, mandate: string): string {
  return `CASE WHEN ${vis}::text = 'MANDATE' THEN array_remove(ARRAY[${organization}], NULL) || ${mandateReadersSql(mandate)} ELSE ARRAY[${organization}] END`;
}

function stageChangeBranch(table: string): string {
  return `SELECT NULL::visibility AS vis, NULL::uuid[] AS org_ids, ''::text AS text,
      coalesce(': ' || sc.note, '') AS extra, sc.visibility AS extra_vis, ${readersOf('sc.visibility', 'sc.organization_id', 'sc.mandate_id')} AS extra_org_ids,
      ''::text AS extra_hidden, sc.mandate_id, NULL::uuid AS event_id
    FROM ${table} sc WHERE e.kind IN (${kindsOf('stageChange')}) AND sc.id = e.subject_id`;
}

function obstacleBranch(table: string): string {
  return `SELECT o.visibility AS vis, ${readersOf('o.visibility', 'o.organization_id', 'o.mandate_id')} AS org_ids,
      upper(left(o.category::text, 1)) || lower(substr(o.category::text, 2)) AS text,
      NULL::text AS extra, NULL::visibility AS extra_vis, NULL::uuid[] AS extra_org_ids, NULL::text AS extra_hidden, o.mandate_id, NULL::uuid AS event_id
    FROM ${table} o WHERE e.kind IN (${kindsOf('obstacle')}) AND o.id = e.subject_id`;
}

/**
 * The subject `x` of an event written by the same statement as its item: read from `source` (the
 * statement's own RETURNING rows, which a table read in that statement would not see yet).
 */
export function subjectFrom(table: 'stageChange' | 'obstacle', source: string): string {
  const branch = table === 'stageChange' ? stageChangeBranch(source) : obstacleBranch(source);
  return `LEFT JOIN LATERAL (${branch}) x ON e.subject_id IS NOT NULL`;
}

/** No subject (an event that is about no item, or about an interaction). */
export const NO_SUBJECT = `LEFT JOIN (SELECT NULL::visibility AS vis, NULL::uuid[] AS org_ids, NULL::text AS text, NULL::text AS extra,
  NULL::visibility AS extra_vis, NULL::uuid[] AS extra_org_ids, NULL::text AS extra_hidden, NULL::uuid AS mandate_id, NULL::uuid AS event_id) x ON false`;

/**
 * One row per subject table, each read only for the events of its kinds (the other branches are cut
 * by a one-time filter, so an event costs one probe by primary key). Columns:
 * - `vis`, `org_ids`: who sees the event (the interaction rule with these organizations); null `vis`
 *   for an event every user sees (a stage move);
 * - `text`: fills `{text}` in the template (the item's own words, as they are now);
 * - `extra`, `extra_vis`, `extra_org_ids`, `extra_hidden`: fills `{extra}` with `extra` for those who
 *   may see it under its own visibility, else with `extra_hidden` (a stage change's note; the name
 *   of the mandate handed over; the event a meeting is planned at, which has a visibility of its own);
 * - `event_id`: a planned meeting's event, which may be named only where `{extra}` may be shown.
 */
const BRANCHES: Record<SubjectTable, string> = {
  campaign: `SELECT c.visibility AS vis, ${readersOf('c.visibility', 'c.organization_id', 'c.mandate_id')} AS org_ids, c.name AS text,
      NULL::text AS extra, NULL::visibility AS extra_vis, NULL::uuid[] AS extra_org_ids, NULL::text AS extra_hidden, c.mandate_id, NULL::uuid AS event_id
    FROM letter_campaigns c WHERE e.kind IN (${kindsOf('campaign')}) AND c.id = e.subject_id`,
  event: `SELECT v.visibility, ${readersOf('v.visibility', 'v.organization_id', 'v.mandate_id')},
      v.name || coalesce(' (' || v.place || ')', '') || ', ' || ${date('v.starts_on')} || ' to ' || ${date('v.ends_on')},
      NULL, NULL, NULL, NULL, v.mandate_id, NULL
    FROM events v WHERE e.kind IN (${kindsOf('event')}) AND v.id = e.subject_id`,
  meeting: `SELECT m.visibility, ${readersOf('m.visibility', 'm.organization_id', 'm.mandate_id')}, '',
      v.name || coalesce(' on ' || ${date('m.planned_on')}, ''), v.visibility, ${readersOf('v.visibility', 'v.organization_id', 'v.mandate_id')}, 'an event' || coalesce(' on ' || ${date('m.planned_on')}, ''), m.mandate_id, v.id
    FROM planned_meetings m JOIN events v ON v.id = m.event_id WHERE e.kind IN (${kindsOf('meeting')}) AND m.id = e.subject_id`,
  mandate: `SELECT d.visibility, ${mandateOrganizationsSql('d')}, d.name,
      '"' || pd.name || '"', pd.visibility, ${mandateOrganizationsSql('pd')}, 'an earlier mandate', d.id, NULL
    FROM mandates d LEFT JOIN mandates pd ON pd.id = d.previous_mandate_id
    WHERE e.kind IN (${kindsOf('mandate')}) AND d.id = e.subject_id`,
  stageChange: stageChangeBranch('stage_changes'),
  obstacle: obstacleBranch('obstacles'),
};

/** The subject of each event `e`, as `x` (no row when the event has none or its item is gone). */
export const SUBJECT_JOIN = `LEFT JOIN LATERAL (${Object.values(BRANCHES).join(' UNION ALL ')}) x ON e.subject_id IS NOT NULL`;

/**
 * Who sees a row with visibility `vis` and organizations `orgIds` (SQL): the interaction rule
 * (see visibleTo), with any of several organizations. Null when `vis` is null.
 */
export function visibleWithOrganizations(viewer: Viewer, p: SqlParams, vis: string, orgIds: string): string {
  if (viewer.role === Role.PARTNER) return `(${vis} = 'SHARED')`;
  return `(${vis}::text NOT IN ('ORGANIZATION', 'MANDATE') OR (SELECT ${p.add(viewer.organizationId)}::uuid) = ANY(${orgIds}))`;
}

/**
 * The same rule in memory, for one event in hand (live delivery): `organizationIds` are the readers
 * of an ORGANIZATION or MANDATE item (see readersOf).
 */
export function canSeeWithOrganizations(viewer: Viewer, visibility: Visibility, organizationIds: readonly (string | null)[]): boolean {
  if (viewer.role === Role.PARTNER) return visibility === Visibility.SHARED;
  return (visibility !== Visibility.ORGANIZATION && visibility !== Visibility.MANDATE) || organizationIds.includes(viewer.organizationId);
}

/**
 * Whether every reader under visibility `vis` with organizations `orgIds` is also a reader under
 * `coverVis`/`coverOrgIds` (SQL; a null `vis` is read by everyone). Used for text kept after its
 * item is gone: it must not show anyone more than the item's visibility then allowed.
 */
export function covers(coverVis: string, coverOrgIds: string, vis: string, orgIds: string): string {
  const breadth = (v: string) => `array_position(ARRAY['ORGANIZATION', 'MANDATE', 'COORDINATORS', 'SHARED'], ${v}::text)`;
  return `(${coverVis} IS NULL OR (${breadth(coverVis)} >= ${breadth(`coalesce(${vis}, 'SHARED')`)}
    AND (${coverVis}::text NOT IN ('ORGANIZATION', 'MANDATE') OR coalesce(${coverOrgIds} @> ${orgIds}, false))))`;
}

/** Fills a template's placeholders (SQL). Whatever either fills in is something the reader may see. */
export function fillTemplate(template: string, text: string, extra: string): string {
  return `replace(replace(${template}, '{extra}', ${extra}), '{text}', ${text})`;
}
