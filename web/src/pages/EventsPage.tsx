import { Alert, Anchor, Button, Checkbox, Group, Loader, Modal, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useLogInteraction } from '../components/LogInteractionContext';
import { EventForm } from '../events/EventForm';
import { addDays, addMonths, gridRange, isMonth, monthGrid, monthName, monthOf, weekdayNames } from '../events/calendar';
import { MeetingForm } from '../events/MeetingForm';
import { StatesPicker } from '../events/StatesPicker';
import { graphql } from '../gql';
import type { EventQuery } from '../gql/graphql';
import { authorizedFetch, fileNameOf, saveResponse } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { today, useFormat } from '../lib/format';
import { useCan, useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { newIdempotencyKey } from '../lib/useFormWrite';
import '../i18n/later';

const EventsDocument = graphql(`
  query Events($startingFrom: Date, $startingBefore: Date, $first: Int, $after: String) {
    events(startingFrom: $startingFrom, startingBefore: $startingBefore, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          kind
          place
          startsOn
          endsOn
          visibility
          attendances {
            state {
              iso3
            }
          }
        }
      }
    }
  }
`);

const EventDocument = graphql(`
  query Event($id: ID!) {
    event(id: $id) {
      id
      version
      name
      kind
      place
      startsOn
      endsOn
      visibility
      mandateId
      organization {
        id
        name
      }
      attendances {
        state {
          iso3
          name
        }
      }
      plannedMeetings {
        id
        version
        plannedOn
        objective
        held
        visibility
        mandateId
        organization {
          id
          name
        }
        state {
          iso3
          name
        }
        contacts {
          id
          fullName
        }
        interaction {
          id
          subject
          occurredOn
        }
      }
      interactions {
        id
        type
        occurredOn
        subject
        visibility
        states {
          iso3
          name
        }
        organization {
          id
          name
        }
      }
    }
  }
`);

const DeleteEventDocument = graphql(`
  mutation DeleteEvent($id: ID!, $expectedVersion: Int!) {
    deleteEvent(id: $id, expectedVersion: $expectedVersion)
  }
`);

const AddAttendanceDocument = graphql(`
  mutation AddEventAttendance($input: AddEventAttendanceInput!, $idempotencyKey: String) {
    addEventAttendance(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
    }
  }
`);

const RemoveAttendanceDocument = graphql(`
  mutation RemoveEventAttendance($eventId: ID!, $stateIso3: String!, $expectedVersion: Int) {
    removeEventAttendance(eventId: $eventId, stateIso3: $stateIso3, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

const DeleteMeetingDocument = graphql(`
  mutation DeletePlannedMeeting($id: ID!, $expectedVersion: Int!) {
    deletePlannedMeeting(id: $id, expectedVersion: $expectedVersion)
  }
`);

type EventDetail = NonNullable<EventQuery['event']>;
type Meeting = EventDetail['plannedMeetings'][number];

/** The .ics of the events and planned meetings the user may see, with the session's token. */
function CalendarDownload() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      const response = await authorizedFetch('/exports/calendar.ics');
      await saveResponse(response, fileNameOf(response, 'calendar.ics'));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => void download()} loading={busy}>
        {t('events.download')}
      </Button>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}

/** "2–4 Dec 2026", or one date when the event lasts a day. */
function useDates() {
  const format = useFormat();
  return (startsOn: string, endsOn: string) =>
    startsOn === endsOn ? format.date(startsOn) : `${format.date(startsOn)} – ${format.date(endsOn)}`;
}

function EventsList({ past }: { past: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  const after = afters[afters.length - 1];
  const context = useMemo(() => ({ additionalTypenames: ['Event'] }), []);
  const [{ data, error, fetching }] = useQuery({
    query: EventsDocument,
    variables: { startingFrom: past ? undefined : addDays(today(), -31), first: 50, after },
    context,
  });
  if (error && !data)
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  if (!data) return fetching ? <Loader aria-label={t('app.loading')} /> : null;
  // Events still going on (begun up to a month ago) count as upcoming.
  const shown = data.events.edges.filter(({ node }) => past || node.endsOn >= today());
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption>
            {past ? t('events.list.all', { count: data.events.totalCount }) : t('events.list.upcoming', { count: shown.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('events.fields.name')}</th>
              <th scope="col">{t('events.fields.dates')}</th>
              <th scope="col">{t('events.fields.kind')}</th>
              <th scope="col">{t('events.fields.place')}</th>
              <th scope="col" className="num">
                {t('events.fields.attendingCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">
                  <Link to={`/events/${node.id}`}>{node.name}</Link>
                </th>
                <td>{dates(node.startsOn, node.endsOn)}</td>
                <td>{t(`eventKind.${node.kind}`)}</td>
                <td>{node.place ?? ''}</td>
                <td className="num">{node.attendances.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <Text c="dimmed">{t('events.list.none')}</Text>}
      <Group mt="xs">
        <Button variant="default" size="xs" disabled={afters.length === 1} onClick={() => setAfters((a) => a.slice(0, -1))}>
          {t('common.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!data.events.pageInfo.hasNextPage}
          onClick={() => setAfters((a) => [...a, data.events.pageInfo.endCursor ?? null])}
        >
          {t('common.next')}
        </Button>
      </Group>
    </>
  );
}

function MonthCalendar({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const { from, to } = gridRange(month);
  const context = useMemo(() => ({ additionalTypenames: ['Event'] }), []);
  // Events begun up to a quarter before the grid may still run into it.
  const [{ data, error }] = useQuery({
    query: EventsDocument,
    variables: { startingFrom: addDays(from, -92), startingBefore: addDays(to, 1), first: 200 },
    context,
  });
  const weeks = useMemo(() => monthGrid(month, data?.events.edges.map((e) => e.node) ?? []), [month, data]);
  const days = useMemo(() => weekdayNames(i18n.language), [i18n.language]);
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }), [i18n.language]);
  const now = today();
  const title = monthName(month, i18n.language);
  return (
    <section aria-labelledby="month-title">
      <Group justify="space-between" mb="xs">
        <Button variant="default" size="xs" onClick={() => onMonth(addMonths(month, -1))} aria-label={t('events.month.previous')}>
          ←
        </Button>
        <Title order={2} size="h3" id="month-title" aria-live="polite">
          {title}
        </Title>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => onMonth(monthOf(now))}>
            {t('events.month.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => onMonth(addMonths(month, 1))} aria-label={t('events.month.next')}>
            →
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <div className="table-scroll">
        <table className="month-calendar">
          <caption className="visually-hidden">{t('events.month.caption', { month: title })}</caption>
          <thead>
            <tr>
              {days.map((day) => (
                <th key={day.long} scope="col" abbr={day.long}>
                  {day.short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0].date}>
                {week.map((day) => {
                  const [y, m, d] = day.date.split('-').map(Number);
                  return (
                    <td
                      key={day.date}
                      data-date={day.date}
                      data-outside={day.inMonth ? undefined : 'true'}
                      aria-current={day.date === now ? 'date' : undefined}
                    >
                      <div className="day-number">
                        <span aria-hidden>{d}</span>
                        <span className="visually-hidden">{dayFormat.format(new Date(Date.UTC(y, m - 1, d)))}</span>
                      </div>
                      {day.events.length > 0 && (
                        <ul>
                          {day.events.map((event) => (
                            <li key={event.id}>
                              <Link to={`/events/${event.id}`}>{event.name}</Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function EventsOverview() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const view = params.get('view') === 'month' ? 'month' : 'list';
  const month = isMonth(params.get('month')) ? params.get('month')! : monthOf(today());
  const past = params.get('past') === '1';
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('events.title')}</Title>
        <Group>
          <CalendarDownload />
          {can.write && <Button onClick={() => setCreating(true)}>{t('events.record')}</Button>}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('events.intro')}
      </Text>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('events.view.label')}
          value={view}
          onChange={(value) => setParam('view', value === 'month' ? 'month' : null)}
          data={[
            { value: 'list', label: t('events.view.list') },
            { value: 'month', label: t('events.view.month') },
          ]}
        />
        {view === 'list' && (
          <Checkbox
            label={t('events.list.includePast')}
            checked={past}
            onChange={(e) => setParam('past', e.currentTarget.checked ? '1' : null)}
          />
        )}
      </Group>
      {view === 'month' ? (
        <MonthCalendar month={month} onMonth={(next) => setParam('month', next)} />
      ) : (
        <EventsList key={String(past)} past={past} />
      )}
      <Modal
        lockScroll={false}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('events.form.createTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <EventForm
            onDone={(id) => {
              setCreating(false);
              if (id) void navigate(`/events/${id}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function Attendance({ event, editable }: { event: EventDetail; editable: boolean }) {
  const { t } = useTranslation();
  const names = useStateNames();
  const [adding, setAdding] = useState<string[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const [added, add] = useMutation(AddAttendanceDocument);
  const [removed, remove] = useMutation(RemoveAttendanceDocument);
  const context = { additionalTypenames: ['Event', 'EventAttendance'] };
  const onAdd = async () => {
    setError(null);
    const result = await add(
      { input: { eventId: event.id, stateIso3s: adding, expectedVersion: event.version }, idempotencyKey: key },
      context,
    );
    if (result.error) return setError(errorMessage(result.error) ?? '');
    setAdding([]);
    setKey(newIdempotencyKey());
  };
  const onRemove = async (iso3: string) => {
    setError(null);
    const result = await remove({ eventId: event.id, stateIso3: iso3, expectedVersion: event.version }, context);
    if (result.error) setError(errorMessage(result.error) ?? '');
  };
  const attending = event.attendances.map((a) => a.state.iso3);
  return (
    <section aria-labelledby="attending-title">
      <Title order={2} size="h3" id="attending-title">
        {t('events.attending.title', { count: event.attendances.length })}
      </Title>
      {event.attendances.length === 0 && <Text c="dimmed">{t('events.attending.none')}</Text>}
      <ul className="plain-list attending-list">
        {event.attendances.map(({ state }) => (
          <li key={state.iso3}>
            <Group gap="xs">
              <Link to={`/states/${state.iso3}`}>{names.name(state.iso3, state.name)}</Link>
              {editable && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={removed.fetching && removed.operation?.variables.stateIso3 === state.iso3}
                  onClick={() => void onRemove(state.iso3)}
                  aria-label={t('events.attending.remove', { state: names.name(state.iso3, state.name) })}
                >
                  {t('events.attending.removeShort')}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </ul>
      {editable && (
        <Group align="flex-end" mt="xs">
          <div className="grow">
            <StatesPicker label={t('events.attending.add')} value={adding} onChange={setAdding} exclude={attending} />
          </div>
          <Button disabled={adding.length === 0} loading={added.fetching} onClick={() => void onAdd()}>
            {t('events.attending.addButton')}
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert" mt="xs">
          {error}
        </Alert>
      )}
    </section>
  );
}

function Meetings({ event, refetch }: { event: EventDetail; refetch: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { viewer } = useSession();
  const names = useStateNames();
  const format = useFormat();
  const { open } = useLogInteraction();
  const [planning, setPlanning] = useState(false);
  const [editing, setEditing] = useState<Meeting | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, remove] = useMutation(DeleteMeetingDocument);
  const mayChange = (meeting: Meeting) =>
    can.write && !meeting.held && (can.admin || meeting.organization.id === viewer?.organization.id || !!meeting.mandateId);
  const logHeld = (meeting: Meeting) =>
    open({
      meeting: {
        id: meeting.id,
        eventId: event.id,
        version: meeting.version,
        stateIso3: meeting.state.iso3,
        stateName: meeting.state.name,
        plannedOn: meeting.plannedOn,
        objective: meeting.objective,
        visibility: meeting.visibility,
        contacts: meeting.contacts,
        onHeld: () => refetch(),
      },
    });
  const cancel = async (meeting: Meeting) => {
    setError(null);
    const result = await remove({ id: meeting.id, expectedVersion: meeting.version }, { additionalTypenames: ['PlannedMeeting', 'Event'] });
    setCancelling(null);
    if (result.error) return setError(errorMessage(result.error) ?? '');
    notifications.show({ message: t('events.meetings.cancelled') });
  };
  return (
    <section aria-labelledby="meetings-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="meetings-title">
          {t('events.meetings.title', { count: event.plannedMeetings.length })}
        </Title>
        {can.write && (
          <Button size="sm" onClick={() => setPlanning(true)} disabled={event.attendances.length === 0}>
            {t('events.meetings.planTitle')}
          </Button>
        )}
      </Group>
      {can.write && event.attendances.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('events.meetings.needAttending')}
        </Text>
      )}
      {event.plannedMeetings.length === 0 ? (
        <Text c="dimmed">{t('events.meetings.none')}</Text>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('events.meetings.title', { count: event.plannedMeetings.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.meetings.state')}</th>
                <th scope="col">{t('events.meetings.plannedOn')}</th>
                <th scope="col">{t('events.meetings.contacts')}</th>
                <th scope="col">{t('events.meetings.objective')}</th>
                <th scope="col">{t('events.meetings.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('events.meetings.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {event.plannedMeetings.map((meeting) => {
                const state = names.name(meeting.state.iso3, meeting.state.name);
                return (
                  <tr key={meeting.id}>
                    <th scope="row">
                      <Link to={`/states/${meeting.state.iso3}`}>{state}</Link>
                    </th>
                    <td>{meeting.plannedOn ? format.date(meeting.plannedOn) : ''}</td>
                    <td>{meeting.contacts.map((c) => c.fullName).join(', ')}</td>
                    <td className="pre-line">{meeting.objective ?? ''}</td>
                    <td>
                      {meeting.held ? (
                        <Text size="sm" fw={600}>
                          <span aria-hidden>✓ </span>
                          {meeting.interaction
                            ? t('events.meetings.heldOn', { date: format.date(meeting.interaction.occurredOn) })
                            : t('events.meetings.held')}
                        </Text>
                      ) : (
                        <Text size="sm">{t('events.meetings.planned')}</Text>
                      )}
                    </td>
                    <td>
                      {mayChange(meeting) && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            onClick={() => logHeld(meeting)}
                            aria-label={t('events.meetings.logHeldWith', { state })}
                          >
                            {t('events.meetings.logHeld')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setEditing(meeting)}
                            aria-label={t('events.meetings.editWith', { state })}
                          >
                            {t('common.edit')}
                          </Button>
                          {cancelling === meeting.id ? (
                            <>
                              <Button size="compact-sm" color="red.9" loading={deleted.fetching} onClick={() => void cancel(meeting)}>
                                {t('events.meetings.confirmCancel')}
                              </Button>
                              <Button size="compact-sm" variant="default" onClick={() => setCancelling(null)}>
                                {t('events.meetings.keep')}
                              </Button>
                            </>
                          ) : (
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              onClick={() => setCancelling(meeting.id)}
                              aria-label={t('events.meetings.cancelWith', { state })}
                            >
                              {t('events.meetings.cancel')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <Alert color="red" role="alert" mt="xs">
          {error}
        </Alert>
      )}
      <Modal
        lockScroll={false}
        opened={planning || editing !== null}
        onClose={() => {
          setPlanning(false);
          setEditing(null);
        }}
        title={editing ? t('events.meetings.editTitle') : t('events.meetings.planTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {(planning || editing) && (
          <MeetingForm
            event={event}
            meeting={editing ?? undefined}
            onDone={() => {
              setPlanning(false);
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </section>
  );
}

function EventInteractions({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const names = useStateNames();
  const format = useFormat();
  return (
    <section aria-labelledby="event-interactions-title">
      <Title order={2} size="h3" id="event-interactions-title">
        {t('events.interactions.title', { count: event.interactions.length })}
      </Title>
      {event.interactions.length === 0 && <Text c="dimmed">{t('events.interactions.none')}</Text>}
      <ul className="plain-list">
        {event.interactions.map((interaction) => (
          <li key={interaction.id}>
            <Text size="sm">
              {format.date(interaction.occurredOn)} · {t(`interactionType.${interaction.type}`)} · {interaction.subject} ·{' '}
              {interaction.states.map((s) => names.name(s.iso3, s.name)).join(', ')} ({t(`visibility.${interaction.visibility}`)})
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EventPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const dates = useDates();
  const context = useMemo(() => ({ additionalTypenames: ['Event', 'PlannedMeeting', 'Interaction', 'EventAttendance'] }), []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: EventDocument, variables: { id }, context });
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleted, remove] = useMutation(DeleteEventDocument);
  if (!data && fetching) return <Loader aria-label={t('app.loading')} />;
  if (error && !data)
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  const event = data?.event;
  if (!event)
    return (
      <Stack>
        <Anchor component={Link} to="/events">
          ← {t('events.back')}
        </Anchor>
        <Alert>{t('events.notFound')}</Alert>
      </Stack>
    );
  const editable = can.write && (can.admin || event.organization.id === viewer?.organization.id);
  const doDelete = async () => {
    setDeleteError(null);
    const result = await remove({ id: event.id, expectedVersion: event.version }, { additionalTypenames: ['Event'] });
    if (result.error) {
      setConfirmDelete(false);
      return setDeleteError(errorMessage(result.error) ?? '');
    }
    notifications.show({ message: t('events.deleted', { name: event.name }) });
    void navigate('/events');
  };
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/events">
        ← {t('events.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{event.name}</Title>
          <Text c="dimmed">
            {[t(`eventKind.${event.kind}`), dates(event.startsOn, event.endsOn), event.place].filter(Boolean).join(' · ')}
          </Text>
        </div>
        {editable && !editing && (
          <Group>
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
              {t('events.delete')}
            </Button>
          </Group>
        )}
      </Group>
      {confirmDelete && (
        <Alert color="red" role="alert" title={t('events.confirmDelete', { name: event.name })}>
          <Text size="sm">{t('events.deleteHelp')}</Text>
          <Group mt="xs">
            <Button size="xs" color="red.9" loading={deleted.fetching} onClick={() => void doDelete()}>
              {t('events.delete')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
      {deleteError && (
        <Alert color="red" role="alert">
          {deleteError}
        </Alert>
      )}
      {editing ? (
        <Paper withBorder p="md">
          <EventForm event={event} onDone={() => setEditing(false)} />
        </Paper>
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('events.fields.organization')}</dt>
            <dd>{event.organization.name}</dd>
          </div>
          <div>
            <dt>{t('events.fields.visibility')}</dt>
            <dd>{t(`visibility.${event.visibility}`)}</dd>
          </div>
        </dl>
      )}
      <Attendance event={event} editable={editable} />
      <Meetings event={event} refetch={() => refetch({ requestPolicy: 'network-only' })} />
      <EventInteractions event={event} />
    </Stack>
  );
}

export default function EventsPage() {
  const { id } = useParams();
  return id ? <EventPage key={id} id={id} /> : <EventsOverview />;
}
