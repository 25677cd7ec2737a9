import { describe, expect, it } from 'vitest';
import { heldInput, heldMeetingValues } from '../components/LogInteraction';
import { eventChanges } from './EventForm';
import { meetingChanges } from './MeetingForm';

const event = {
  name: 'MSP',
  kind: 'WORKSHOP' as const,
  place: 'Geneva',
  startsOn: '2026-12-01',
  endsOn: '2026-12-03',
  visibility: 'COORDINATORS' as const,
  attendingStateIso3s: [],
};
const meeting = {
  stateIso3: 'TON',
  contactIds: ['a', 'b'],
  plannedOn: '2026-12-02',
  objective: 'Ask',
  visibility: 'ORGANIZATION' as const,
};

describe('the event and meeting forms', () => {
  it("send only an event's changed fields, a cleared place as null", () => {
    expect(eventChanges(event, { ...event })).toEqual({});
    expect(eventChanges(event, { ...event, name: ' MSP ', place: '' })).toEqual({ place: null });
    expect(eventChanges(event, { ...event, endsOn: '2026-12-04', kind: 'OTHER' })).toEqual({ kind: 'OTHER', endsOn: '2026-12-04' });
  });

  it("send only a planned meeting's changed fields, the contacts whatever their order", () => {
    expect(meetingChanges(meeting, { ...meeting, contactIds: ['b', 'a'] })).toEqual({});
    expect(meetingChanges(meeting, { ...meeting, contactIds: ['a'], plannedOn: '', objective: ' ' })).toEqual({
      contactIds: ['a'],
      plannedOn: null,
      objective: null,
    });
    expect(meetingChanges(meeting, { ...meeting, visibility: 'SHARED' })).toEqual({ visibility: 'SHARED' });
  });

  it('start logging a planned meeting as held from the plan, never after today', () => {
    const planned = {
      id: 'm',
      eventId: 'e',
      version: 3,
      stateIso3: 'TON',
      plannedOn: '2026-12-02',
      objective: 'Ask',
      visibility: 'COORDINATORS',
      contacts: [{ id: 'c' }],
    };
    const values = heldMeetingValues(planned, '2026-12-05');
    expect(values).toMatchObject({
      type: 'BILATERAL_MEETING',
      occurredOn: '2026-12-02',
      stateIso3s: ['TON'],
      contactIds: ['c'],
      summary: 'Ask',
      subject: '',
      visibility: 'COORDINATORS',
    });
    expect(heldMeetingValues(planned, '2026-12-01').occurredOn).toBe('2026-12-01');
    expect(heldMeetingValues({ ...planned, plannedOn: null }, '2026-12-05').occurredOn).toBe('2026-12-05');
    // An empty subject is left to the service; the contacts chosen are sent even when none.
    expect(heldInput(planned, { ...values, contactIds: [] }, 4)).toEqual({
      meetingId: 'm',
      expectedVersion: 4,
      occurredOn: '2026-12-02',
      subject: undefined,
      summary: 'Ask',
      outcome: undefined,
      followUpOn: undefined,
      contactIds: [],
      visibility: 'COORDINATORS',
    });
  });
});
