import { Inject, Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { ActivityService } from '../activity/activity.service.js';
import type { Viewer } from '../auth/viewer.js';
import type { Role } from '../common/enums.js';
import { badInput, notFound } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { FollowUpsService } from '../interactions/follow-ups.service.js';
import { InteractionsRepository } from '../interactions/interactions.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import { composeDigest, type Digest, type DigestContent } from './digest-mail.js';
import type { DigestSettings, SubscribeToDigestInput } from './digest.model.js';
import { languageOf } from './digest-text.js';

const SETTINGS_COLUMNS = `time_zone AS "timeZone", send_hour AS "sendHour", no_reply_after_days AS "noReplyAfterDays",
  last_sent_on::text AS "lastSentOn", last_sent_at AS "lastSentAt"`;

/** Each list in a digest holds at most this many items (the rest are in the app). */
const ITEMS = 25;

/** The date and hour it is now in a time zone (IANA name). */
export function localNow(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

interface Subscriber {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  preferredLanguage: string | null;
  timeZone: string;
  sendHour: number;
  noReplyAfterDays: number;
  lastSentOn: string | null;
}

/** A State the user follows. */
interface FollowedRow {
  iso3: string;
}

/** A digest claimed for a day: what to put back if it could not be sent. */
interface Claim {
  previousSentOn: string | null;
  previousSentAt: Date | null;
}

/**
 * The daily digest: who gets it and when (in their own time zone), the States each user follows,
 * and what goes in it, read through the same services as the API with the user as the viewer, so
 * that it holds nothing the user may not see.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly db: Db,
    private readonly followUps: FollowUpsService,
    private readonly interactions: InteractionsRepository,
    private readonly activity: ActivityService,
    private readonly states: StatesRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async settings(viewer: Viewer): Promise<DigestSettings | null> {
    const [row] = await this.db.query<DigestSettings[]>(`SELECT ${SETTINGS_COLUMNS} FROM digest_subscriptions WHERE user_id = $1`, [
      viewer.id,
    ]);
    return row ?? null;
  }

  async subscribe(viewer: Viewer, input: SubscribeToDigestInput): Promise<DigestSettings> {
    if (!isTimeZone(input.timeZone)) {
      throw badInput(`"${input.timeZone}" is not a time zone (use an IANA name such as Europe/Paris)`, {
        problems: [{ field: 'timeZone', message: 'not a known time zone' }],
      });
    }
    const [row] = await this.db.query<DigestSettings[]>(
      `INSERT INTO digest_subscriptions (user_id, time_zone, send_hour, no_reply_after_days) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, send_hour = excluded.send_hour,
         no_reply_after_days = excluded.no_reply_after_days, updated_at = now()
       RETURNING ${SETTINGS_COLUMNS}`,
      [viewer.id, input.timeZone, input.sendHour ?? 7, input.noReplyAfterDays ?? 30],
    );
    return row;
  }

  async unsubscribe(viewer: Viewer): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>('DELETE FROM digest_subscriptions WHERE user_id = $1', [viewer.id]);
    return count > 0;
  }

  async followed(viewer: Viewer): Promise<string[]> {
    const rows = await this.db.query<FollowedRow[]>(
      'SELECT state_iso3 AS iso3 FROM followed_states WHERE user_id = $1 ORDER BY state_iso3',
      [viewer.id],
    );
    return rows.map((row) => row.iso3);
  }

  async follow(viewer: Viewer, iso3: string, following: boolean): Promise<string[]> {
    const code = iso3.trim().toUpperCase();
    if (following) {
      const [inserted] = await this.db.query<unknown[]>(
        `INSERT INTO followed_states (user_id, state_iso3) SELECT $1, iso3 FROM states WHERE iso3 = $2
         ON CONFLICT DO NOTHING RETURNING state_iso3`,
        [viewer.id, code],
      );
      if (!inserted && !(await this.states.findByIso3s([code])).length) throw notFound('State', code);
    } else {
      await this.db.query('DELETE FROM followed_states WHERE user_id = $1 AND state_iso3 = $2', [viewer.id, code]);
    }
    return this.followed(viewer);
  }

  /** The users whose digest is due at `now` (their hour has come in their time zone, and none went today). */
  async due(now: Date): Promise<(Subscriber & { today: string })[]> {
    const rows = await this.db.query<Subscriber[]>(
      `SELECT s.user_id AS "userId", u.email, u.display_name AS "displayName", u.role, u.organization_id AS "organizationId",
              u.preferred_language AS "preferredLanguage", s.time_zone AS "timeZone", s.send_hour AS "sendHour",
              s.no_reply_after_days AS "noReplyAfterDays", s.last_sent_on::text AS "lastSentOn"
         FROM digest_subscriptions s JOIN users u ON u.id = s.user_id
        WHERE u.disabled_at IS NULL
        ORDER BY s.user_id`,
    );
    return rows
      .map((row) => ({ ...row, ...localNow(now, row.timeZone) }))
      .filter((row) => row.hour >= row.sendHour && (row.lastSentOn === null || row.lastSentOn < row.date))
      .map(({ date, hour: _hour, ...row }) => ({ ...row, today: date }));
  }

  /**
   * Claims a user's digest of `today`: one instance wins (the row is locked and read again), and
   * the others see it taken. Returns what to put back if sending fails, or null when already taken.
   */
  async claim(userId: string, today: string): Promise<Claim | null> {
    // An UPDATE answers [rows, count].
    const [rows] = await this.db.query<[Claim[], number]>(
      `WITH previous AS (SELECT user_id, last_sent_on, last_sent_at FROM digest_subscriptions WHERE user_id = $1 FOR UPDATE)
       UPDATE digest_subscriptions s SET last_sent_on = $2, last_sent_at = now()
         FROM previous p
        WHERE s.user_id = p.user_id AND (s.last_sent_on IS NULL OR s.last_sent_on < $2::date)
       RETURNING p.last_sent_on::text AS "previousSentOn", p.last_sent_at AS "previousSentAt"`,
      [userId, today],
    );
    return rows[0] ?? null;
  }

  /** Gives a claimed day back (the mail could not be sent): the next check tries again. */
  async release(userId: string, today: string, claim: Claim): Promise<void> {
    await this.db.query(
      `UPDATE digest_subscriptions SET last_sent_on = $3, last_sent_at = $4 WHERE user_id = $1 AND last_sent_on = $2::date`,
      [userId, today, claim.previousSentOn, claim.previousSentAt],
    );
  }

  /**
   * What goes in a user's digest at `now`: their own follow-ups due by today, the letters they may
   * see still without reply after their delay, and the activity they may see on the States they
   * follow since the last digest (or the last day). Null when there is nothing to say.
   */
  async compose(user: Subscriber, today: string, since: Date): Promise<Digest | null> {
    const viewer: Viewer = {
      id: user.userId,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
    };
    const [followUps, awaiting, followed] = await Promise.all([
      this.followUps.followUps(viewer, { dueBefore: today, first: 200 }),
      this.followUps.awaitingReplies(viewer, { olderThanDays: user.noReplyAfterDays, first: ITEMS }),
      this.followed(viewer),
    ]);
    const activity = followed.length ? await this.activity.feed(viewer, { stateIso3s: followed, since }, { first: ITEMS }) : null;
    const due = followUps.edges
      .map((edge) => edge.node)
      .filter((row) => row.authorId === viewer.id && row.followUpOn)
      .slice(0, ITEMS);
    const letters = awaiting.edges.map((edge) => edge.node);
    const linked = new Map<string, string[]>();
    for (const state of await this.interactions.statesOf([...due, ...letters].map((row) => row.id))) {
      linked.set(state.__key, [...(linked.get(state.__key) ?? []), state.iso3]);
    }
    const content: DigestContent = {
      followUps: due.map((row) => ({
        subject: row.subject,
        date: row.followUpOn!,
        overdue: row.followUpOn! < today,
        stateIso3s: linked.get(row.id) ?? [],
      })),
      awaiting: letters.map((row) => ({ subject: row.subject, date: row.occurredOn, stateIso3s: linked.get(row.id) ?? [] })),
      activity: (activity?.edges ?? []).map(({ node }) => ({ summary: node.summary, at: node.occurredAt, stateIso3s: node.stateIso3s })),
    };
    if (!content.followUps.length && !content.awaiting.length && !content.activity.length) return null;
    const iso3s = [...new Set([...content.followUps, ...content.awaiting, ...content.activity].flatMap((item) => item.stateIso3s))];
    const names = new Map((await this.states.findByIso3s(iso3s)).map((state) => [state.iso3, state.name]));
    return composeDigest({
      to: user.email,
      from: this.config.mailFrom,
      name: user.displayName,
      language: languageOf(user.preferredLanguage),
      timeZone: user.timeZone,
      today,
      publicUrl: this.config.publicUrl,
      stateName: (iso3) => names.get(iso3) ?? iso3,
      content,
    });
  }
}
