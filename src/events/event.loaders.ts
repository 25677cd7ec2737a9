import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { groupsFor } from '../common/batches.js';
import type { Contact } from '../contacts/contact.model.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import type { InteractionRow } from '../interactions/interactions.repository.js';
import type { TargetFilter } from '../targets/dto/targets.args.js';
import type { Event, EventAttendance, EventTarget, PlannedMeeting } from './event.model.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';

/** The per-request batches of the event fields: one statement per field for all the events of a response. */
class EventBatches {
  readonly event: DataLoader<string, Event | null>;
  readonly attendances: DataLoader<string, EventAttendance[]>;
  readonly delegates: DataLoader<string, (Contact & { eventId: string })[]>;
  readonly meetings: DataLoader<string, PlannedMeeting[]>;
  readonly interactions: DataLoader<string, InteractionRow[]>;
  readonly eventOfInteraction: DataLoader<string, string | null>;
  readonly meetingContacts: DataLoader<string, Contact[]>;
  private readonly targets = new Map<string, DataLoader<string, EventTarget[]>>();

  constructor(
    repo: EventsRepository,
    private readonly service: EventsService,
    private readonly viewer: Viewer,
  ) {
    this.event = new DataLoader(async (ids) => {
      const rows = await repo.visibleByIds(viewer, ids);
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    });
    this.attendances = new DataLoader(async (ids) => groupsFor(ids, await repo.attendancesOf(ids), (row) => row.eventId));
    this.delegates = new DataLoader(async (ids) => groupsFor(ids, await repo.delegatesOf(ids), (row) => row.eventId));
    this.meetings = new DataLoader(async (ids) => groupsFor(ids, await repo.meetingsOf(viewer, ids), (row) => row.eventId));
    this.interactions = new DataLoader(async (ids) => groupsFor(ids, await repo.interactionsOf(viewer, ids), (row) => row.eventId));
    this.eventOfInteraction = new DataLoader(async (ids) => {
      const rows = await repo.eventIdsOfInteractions(ids);
      return ids.map((id) => rows.find((row) => row.interactionId === id)?.eventId ?? null);
    });
    this.meetingContacts = new DataLoader(async (ids) => groupsFor(ids, await repo.meetingContactsOf(ids), (row) => row.meetingId));
  }

  /** Events asking for the same filter are answered together. */
  attendingTargets(eventId: string, filter: TargetFilter | undefined, metSince: string | null): Promise<EventTarget[]> {
    const key = JSON.stringify([filter ?? null, metSince]);
    let loader = this.targets.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const byEvent = await this.service.attendingTargets(this.viewer, ids, filter, metSince);
        return ids.map((id) => byEvent.get(id) ?? []);
      });
      this.targets.set(key, loader);
    }
    return loader.load(eventId);
  }
}

@Injectable()
export class EventLoaders implements LoaderSource<EventBatches> {
  constructor(
    private readonly repo: EventsRepository,
    private readonly service: EventsService,
  ) {}

  forRequest(viewer: Viewer | null): EventBatches {
    return new EventBatches(this.repo, this.service, requireViewer(viewer));
  }
}
