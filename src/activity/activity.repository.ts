import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { ActivityKind, InteractionType, RegionalGroup, Visibility } from '../common/enums.js';
import type { Page } from '../common/pagination.js';
import { pagedSql, splitPage, SqlParams, type Queryable } from '../common/sql.js';
import { visibleTo } from '../interactions/visibility.js';
import type { Organization } from '../organizations/organization.model.js';
import { ORGANIZATION_COLUMNS } from '../organizations/organizations.repository.js';
import type { State } from '../states/state.model.js';
import { STATE_JSON, type StateProperty } from '../states/states.repository.js';
import type { User } from '../users/user.model.js';
import { USER_COLUMNS } from '../users/users.repository.js';

/** An activity event with what its readers need to filter it and to decide who may see it. */
export interface ActivityEventRow {
  id: string;
  kind: ActivityKind;
  occurredAt: Date;
  actorId: string | null;
  organizationId: string | null;
  interactionId: string | null;
  stateIso3s: string[];
  summary: string;
  /**
   * Who may see it: the interaction's visibility and organization for an event about an
   * interaction, else the event's own (null for events about public facts). The interaction's type.
   */
  visibility: Visibility | null;
  interactionOrganizationId: string | null;
  interactionType: InteractionType | null;
  /** The regional groups of its States (live subscribers filter on them; the feed filters in SQL). */
  regionalGroups: RegionalGroup[];
  /** The sort key, with microseconds. */
  occurredAtKey: string;
}

/**
 * An event as the feed lists it; with the properties of its States that the reader's selection
 * needs, when they were read along with the page (see JsonProjection).
 */
export type FeedEventRow = Omit<ActivityEventRow, 'regionalGroups'> & { statesReadAlong?: State[] };

export interface NewActivity {
  kind: ActivityKind;
  interactionId?: string;
  stateIso3s: string[];
  /** `{states}` is replaced by the names of the States. */
  summary: string;
  /** For an event not about one interaction: who may see it, with the actor's organization. */
  visibility?: Visibility;
}

/**
 * Which rows of other tables to read along with a page of events (those its reader asks for): the
 * actors, the organizations, and the States with these properties.
 */
export interface ActivityRelations {
  actors?: boolean;
  organizations?: boolean;
  states?: StateProperty[];
}

/** The actors and organizations read along with a page of events, each once. */
export interface RelatedRows {
  users: User[];
  organizations: Organization[];
}

/** Extra columns of a page (`p`): each event's actor, organization and States, as JSON. */
const ACTOR_COLUMN = `(SELECT to_json(x) FROM (SELECT ${USER_COLUMNS} FROM users u WHERE u.id = p."actorId") x) AS "__actor"`;
const ORGANIZATION_COLUMN = `(SELECT to_json(x) FROM (SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = p."organizationId") x) AS "__organization"`;
// Each State by its primary key, one probe per code: not a scan of every State for each event.
const statesColumn = (properties: StateProperty[]) =>
  `(SELECT json_agg((SELECT ${STATE_JSON.object(properties)} FROM states s WHERE s.iso3 = k.iso3)) FROM unnest(p."stateIso3s") k(iso3)) AS "__states"`;

function relationColumns(relations: ActivityRelations): string[] {
  return [
    ...(relations.actors ? [ACTOR_COLUMN] : []),
    ...(relations.organizations ? [ORGANIZATION_COLUMN] : []),
    ...(relations.states ? [statesColumn(relations.states)] : []),
  ];
}

type PageRow = FeedEventRow & { __actor?: User | null; __organization?: Organization | null; __states?: State[] | null };

/**
 * The actors and organizations read along with a page's rows, each once; each event keeps its States
 * (`statesReadAlong`). The rows are changed in place rather than copied.
 */
function related(rows: PageRow[]): { rows: FeedEventRow[]; related: RelatedRows } {
  const users = new Map<string, User>();
  const organizations = new Map<string, Organization>();
  for (const row of rows) {
    if (row.__actor) users.set(row.__actor.id, row.__actor);
    if (row.__organization) organizations.set(row.__organization.id, row.__organization);
    if (row.__states !== undefined) row.statesReadAlong = (row.__states ?? []).filter((state) => state !== null);
  }
  return { rows, related: { users: [...users.values()], organizations: [...organizations.values()] } };
}

export interface ActivityQuery {
  since?: Date;
  stateIso3s?: string[];
  regionalGroups?: RegionalGroup[];
  kinds?: ActivityKind[];
  interactionTypes?: InteractionType[];
}

const COLUMNS = `e.id, e.kind, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", e.organization_id AS "organizationId",
  e.interaction_id AS "interactionId", e.state_iso3s AS "stateIso3s", e.summary,
  coalesce(i.visibility, e.visibility) AS visibility,
  CASE WHEN e.interaction_id IS NULL THEN e.organization_id ELSE i.organization_id END AS "interactionOrganizationId", i.type AS "interactionType",
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAtKey"`;

/** An event as it is delivered live: with the regional groups of its States, which subscribers filter on. */
const LIVE_COLUMNS = `${COLUMNS},
  coalesce((SELECT array_agg(DISTINCT s.regional_group) FROM states s WHERE s.iso3 = ANY(e.state_iso3s) AND s.regional_group IS NOT NULL), '{}') AS "regionalGroups"`;

/** pg returns enum arrays as '{A,B}' strings. */
function parseEnumArray<T extends string>(value: T[] | string): T[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? (inner.split(',') as T[]) : [];
}

function normalize(row: ActivityEventRow): ActivityEventRow {
  return { ...row, regionalGroups: parseEnumArray(row.regionalGroups as RegionalGroup[] | string) };
}

@Injectable()
export class ActivityRepository {
  constructor(private readonly db: DataSource) {}

  /** Records an event inside the caller's transaction, naming its States in the summary. */
  async insert(db: Queryable, actor: Viewer | null, event: NewActivity): Promise<ActivityEventRow> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, visibility)
       SELECT $1, $2, clock_timestamp(), $3, $4, $5, $6::char(3)[],
              replace($7, '{states}', coalesce((SELECT string_agg(name, ', ' ORDER BY name) FROM states WHERE iso3 = ANY($6::char(3)[])), '')), $8`,
      [
        id,
        event.kind,
        actor?.id ?? null,
        actor?.organizationId ?? null,
        event.interactionId ?? null,
        event.stateIso3s,
        event.summary,
        event.interactionId ? null : (event.visibility ?? null),
      ],
    );
    const rows = await db.query(`SELECT ${LIVE_COLUMNS} FROM activity_events e LEFT JOIN interactions i ON i.id = e.interaction_id WHERE e.id = $1`, [id]);
    return normalize(rows[0]);
  }

  /**
   * Newest first; an event about an interaction shows only if the viewer may see that interaction,
   * and an event with its own visibility only if the viewer may see what it is about.
   */
  async page(
    viewer: Viewer,
    query: ActivityQuery,
    page: Page,
    relations: ActivityRelations = {},
  ): Promise<{ rows: FeedEventRow[]; total: number | null; related: RelatedRows }> {
    const p = new SqlParams();
    const where = [
      `(CASE WHEN e.interaction_id IS NOT NULL THEN ${visibleTo(viewer, p)}
             WHEN e.visibility IS NULL THEN true
             ELSE ${visibleTo(viewer, p, 'e')} END)`,
    ];
    if (query.since) where.push(`e.occurred_at >= ${p.add(query.since)}`);
    if (query.stateIso3s) where.push(`e.state_iso3s && ${p.add(query.stateIso3s)}::char(3)[]`);
    if (query.regionalGroups) {
      where.push(
        `EXISTS (SELECT 1 FROM unnest(e.state_iso3s) k(iso3) JOIN states s ON s.iso3 = k.iso3
                 WHERE s.regional_group = ANY(${p.add(query.regionalGroups)}::regional_group[]))`,
      );
    }
    if (query.kinds) where.push(`e.kind = ANY(${p.add(query.kinds)}::activity_kind[])`);
    if (query.interactionTypes) where.push(`i.type = ANY(${p.add(query.interactionTypes)}::interaction_type[])`);
    const filtered = `SELECT ${COLUMNS} FROM activity_events e LEFT JOIN interactions i ON i.id = e.interaction_id WHERE ${where.join(' AND ')}`;
    const cursor = page.after ? `("occurredAt", id) < (${p.add(page.after[0])}::timestamptz, ${p.add(page.after[1])}::uuid)` : null;
    const rows = await this.db.query(pagedSql(filtered, cursor, '"occurredAt" DESC, id DESC', page, relationColumns(relations)), p.values);
    // Ordered by the timestamp itself (the (occurred_at, id) index, read backwards); the cursor keeps
    // its microseconds as text, which a JS Date would drop.
    const result = splitPage<PageRow>(rows, 'id');
    const events = related(result.rows);
    return { rows: events.rows, total: result.total, related: events.related };
  }
}
