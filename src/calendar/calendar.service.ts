import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { Writes } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { addDays, todayIso } from '../common/dates.js';
import { CalendarRepository } from './calendar.repository.js';

/** How far back a calendar reaches for events and meetings (follow-ups still to do are all there). */
export const CALENDAR_PAST_DAYS = 365;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** "2026-12-02" as ics's [2026, 12, 2]. */
const day = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;

/** An all-day item from `from` to `to` (both included). */
function allDay(uid: string, title: string, from: string, to: string, extra: Partial<EventAttributes> = {}): EventAttributes {
  return { uid: `${uid}@ratify`, title, start: day(from), end: day(addDays(to, 1)), transp: 'TRANSPARENT', ...extra };
}

/**
 * iCalendar files of what a user may see: the events and the planned meetings not yet held, and
 * in the secret feed the follow-ups still to do, as all-day items.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly writes: Writes,
    private readonly repo: CalendarRepository,
  ) {}

  /** A new secret feed address for the viewer; the previous one stops working. The secret is shown once. */
  async createFeed(viewer: Viewer): Promise<{ path: string; createdAt: Date }> {
    const secret = randomBytes(32).toString('base64url');
    const createdAt = await this.writes.run(viewer, 'createCalendarFeed', () => this.repo.saveFeed(viewer.id, hashOf(secret)));
    return { path: `/calendar/${secret}.ics`, createdAt };
  }

  revokeFeed(viewer: Viewer): Promise<boolean> {
    return this.writes.run(viewer, 'revokeCalendarFeed', () => this.repo.deleteFeed(viewer.id));
  }

  feed(viewer: Viewer): Promise<{ createdAt: Date } | null> {
    return this.repo.feedOf(viewer.id);
  }

  /** Whose feed this secret opens, or null (unknown, revoked, or the user is disabled). */
  viewerOfSecret(secret: string): Promise<Viewer | null> {
    return this.repo.viewerOfFeed(hashOf(secret));
  }

  async calendar(viewer: Viewer, { followUps }: { followUps: boolean }): Promise<string> {
    const from = addDays(todayIso(), -CALENDAR_PAST_DAYS);
    const [events, meetings, due] = await Promise.all([
      this.repo.events(viewer, from),
      this.repo.meetings(viewer, from),
      followUps ? this.repo.followUps(viewer) : Promise.resolve([]),
    ]);
    const items: EventAttributes[] = [
      ...events.map((e) =>
        allDay(`event-${e.id}`, e.name, e.startsOn, e.endsOn, { categories: ['Event', e.kind], ...(e.place ? { location: e.place } : {}) }),
      ),
      ...meetings.flatMap((m) => {
        const from = m.plannedOn ?? m.eventStartsOn;
        const to = m.plannedOn ?? m.eventEndsOn;
        if (!from || !to) return [];
        const title = `Bilateral meeting: ${m.stateName}${m.eventName ? ` (${m.eventName})` : ''}`;
        return [
          allDay(`meeting-${m.id}`, title, from, to, {
            categories: ['Planned meeting'],
            ...(m.objective ? { description: m.objective } : {}),
          }),
        ];
      }),
      ...due.map((f) =>
        allDay(`follow-up-${f.id}`, `Follow-up: ${f.subject}`, f.followUpOn, f.followUpOn, {
          categories: ['Follow-up'],
          ...(f.stateNames ? { description: f.stateNames } : {}),
        }),
      ),
    ];
    const { error, value } = createEvents(items, { productId: '-//Ratify//Calendar//EN', calName: `Ratify: ${viewer.displayName}` });
    if (error || value === null) throw error ?? new Error('The calendar could not be written');
    return value;
  }
}
