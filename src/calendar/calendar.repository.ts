import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { Viewer } from '../auth/viewer.js';
import { SqlParams } from '../common/sql.js';
import { visibleTo } from '../auth/visibility.js';

export interface CalendarEventRow {
  id: string;
  name: string;
  kind: string;
  place: string | null;
  startsOn: string;
  endsOn: string;
}

export interface CalendarMeetingRow {
  id: string;
  stateName: string;
  objective: string | null;
  plannedOn: string | null;
  /** The event's name and dates, only when the viewer may see the event. */
  eventName: string | null;
  eventStartsOn: string | null;
  eventEndsOn: string | null;
}

export interface CalendarFollowUpRow {
  id: string;
  subject: string;
  followUpOn: string;
  stateNames: string | null;
}

/** A user's feed: when its secret was made. */
interface FeedRow {
  createdAt: Date;
}

/** The most items of each kind a calendar holds (the newest first are kept). */
const LIMIT = 2000;

/** Calendar feeds, and what a calendar shows: every read applies the visibility rule in its SQL. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly db: Db) {}

  async saveFeed(userId: string, secretHash: string): Promise<Date> {
    const rows = await this.db.query<FeedRow[]>(
      `INSERT INTO calendar_feeds (user_id, secret_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now() RETURNING created_at AS "createdAt"`,
      [userId, secretHash],
    );
    return rows[0].createdAt;
  }

  async deleteFeed(userId: string): Promise<boolean> {
    // A DELETE answers [rows, count].
    const rows = await this.db.query<[unknown[], number]>(`DELETE FROM calendar_feeds WHERE user_id = $1 RETURNING user_id`, [userId]);
    return rows[0].length > 0;
  }

  async feedOf(userId: string): Promise<FeedRow | null> {
    const rows = await this.db.query<FeedRow[]>(`SELECT created_at AS "createdAt" FROM calendar_feeds WHERE user_id = $1`, [userId]);
    return rows[0] ?? null;
  }

  /** The enabled user whose feed has this secret hash, as a viewer. */
  async viewerOfFeed(secretHash: string): Promise<Viewer | null> {
    const rows = await this.db.query<Viewer[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.organization_id AS "organizationId"
       FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.secret_hash = $1 AND u.disabled_at IS NULL`,
      [secretHash],
    );
    return rows[0] ?? null;
  }

  /** The events the viewer may see that end on or after `from`. */
  events(viewer: Viewer, from: string): Promise<CalendarEventRow[]> {
    const p = new SqlParams();
    return this.db.query<CalendarEventRow[]>(
      `SELECT e.id, e.name, e.kind, e.place, e.starts_on AS "startsOn", e.ends_on AS "endsOn" FROM events e
       WHERE e.ends_on >= ${p.add(from)}::date AND ${visibleTo(viewer, p, 'e')}
       ORDER BY e.starts_on DESC, e.id LIMIT ${LIMIT}`,
      p.values,
    );
  }

  /**
   * The planned meetings the viewer may see, not yet held, on or after `from` (or without a date,
   * at an event the viewer may see that ends on or after it); their event only when the viewer may
   * see it too.
   */
  meetings(viewer: Viewer, from: string): Promise<CalendarMeetingRow[]> {
    const p = new SqlParams();
    const since = p.add(from);
    return this.db.query<CalendarMeetingRow[]>(
      `SELECT m.id, s.name AS "stateName", m.objective, m.planned_on AS "plannedOn",
              e.name AS "eventName", e.starts_on AS "eventStartsOn", e.ends_on AS "eventEndsOn"
       FROM planned_meetings m JOIN states s ON s.iso3 = m.state_iso3
       LEFT JOIN events e ON e.id = m.event_id AND ${visibleTo(viewer, p, 'e')}
       WHERE m.interaction_id IS NULL AND ${visibleTo(viewer, p, 'm')}
         AND coalesce(m.planned_on, e.ends_on) >= ${since}::date
       ORDER BY coalesce(m.planned_on, e.starts_on) DESC, m.id LIMIT ${LIMIT}`,
      p.values,
    );
  }

  /** The follow-ups still to do on interactions the viewer may see, overdue ones included. */
  followUps(viewer: Viewer): Promise<CalendarFollowUpRow[]> {
    const p = new SqlParams();
    return this.db.query<CalendarFollowUpRow[]>(
      `SELECT i.id, i.subject, i.follow_up_on AS "followUpOn",
              (SELECT string_agg(s.name, ', ' ORDER BY s.name) FROM interaction_states l JOIN states s ON s.iso3 = l.state_iso3 WHERE l.interaction_id = i.id) AS "stateNames"
       FROM interactions i
       WHERE i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL AND ${visibleTo(viewer, p)}
       ORDER BY i.follow_up_on DESC, i.id LIMIT ${LIMIT}`,
      p.values,
    );
  }
}
