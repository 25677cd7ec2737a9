import { Button, Group, MultiSelect, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import type { Visibility } from '../gql/graphql';
import { useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { EVENT_VISIBILITIES } from './EventForm';
import { useFormWrite, useIdempotencyKey } from '../lib/useFormWrite';
import '../i18n/later';

const PlanMeetingDocument = graphql(`
  mutation PlanMeeting($input: PlanMeetingInput!, $idempotencyKey: String) {
    planMeeting(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
    }
  }
`);

const UpdatePlannedMeetingDocument = graphql(`
  mutation UpdatePlannedMeeting($input: UpdatePlannedMeetingInput!) {
    updatePlannedMeeting(input: $input) {
      id
      version
      plannedOn
      objective
      visibility
      contacts {
        id
        fullName
      }
    }
  }
`);

const MeetingContactsDocument = graphql(`
  query MeetingContacts($stateIso3s: [String!]!) {
    contacts(filter: { stateIso3s: $stateIso3s }, first: 200) {
      edges {
        node {
          id
          fullName
          position
        }
      }
    }
  }
`);

const MeetingVersionsDocument = graphql(`
  query MeetingVersions($eventId: ID!) {
    event(id: $eventId) {
      id
      plannedMeetings {
        id
        version
      }
    }
  }
`);

export interface EditableMeeting {
  id: string;
  version: number;
  plannedOn?: string | null;
  objective?: string | null;
  visibility: Visibility;
  state: { iso3: string; name: string };
  contacts: { id: string; fullName: string }[];
}

interface MeetingValues {
  stateIso3: string;
  contactIds: string[];
  plannedOn: string;
  objective: string;
  visibility: Visibility;
}

const FIELDS = ['stateIso3', 'contactIds', 'plannedOn', 'objective', 'visibility'];

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The fields of `updatePlannedMeeting` the user changed (a cleared date or objective as null). */
export function meetingChanges(before: MeetingValues, after: MeetingValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (!sameList(before.contactIds, after.contactIds)) changes.contactIds = after.contactIds;
  if (before.plannedOn !== after.plannedOn) changes.plannedOn = after.plannedOn || null;
  if (before.objective.trim() !== after.objective.trim()) changes.objective = after.objective.trim() || null;
  if (before.visibility !== after.visibility) changes.visibility = after.visibility;
  return changes;
}

/**
 * Plan a bilateral meeting with one of the States attending an event, or correct a planned one
 * (its State stays; with the version read, CONFLICT offers to re-apply).
 */
export function MeetingForm({
  event,
  meeting,
  onDone,
}: {
  event: { id: string; startsOn: string; endsOn: string; attendances: { state: { iso3: string; name: string } }[] };
  meeting?: EditableMeeting;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const names = useStateNames();
  const { viewer } = useSession();
  const form = useFormWrite<MeetingValues>(
    () => ({
      stateIso3: meeting?.state.iso3 ?? '',
      contactIds: meeting?.contacts.map((c) => c.id) ?? [],
      plannedOn: meeting?.plannedOn ?? '',
      objective: meeting?.objective ?? '',
      visibility: meeting?.visibility ?? 'ORGANIZATION',
    }),
    FIELDS,
  );
  const { original, values, set, errors, other, conflict, busy } = form;
  const key = useIdempotencyKey();
  const [, plan] = useMutation(PlanMeetingDocument);
  const [, update] = useMutation(UpdatePlannedMeetingDocument);

  const stateOptions = useMemo(
    () =>
      (meeting ? [{ state: meeting.state }] : event.attendances).map(({ state }) => ({
        value: state.iso3,
        label: `${names.name(state.iso3, state.name)} (${state.iso3})`,
      })),
    [event.attendances, meeting, names],
  );
  const [{ data: contactData }] = useQuery({
    query: MeetingContactsDocument,
    variables: { stateIso3s: [values.stateIso3] },
    pause: !values.stateIso3,
  });
  const contactOptions = useMemo(() => {
    const map = new Map<string, string>();
    for (const contact of meeting?.contacts ?? []) map.set(contact.id, contact.fullName);
    for (const { node } of contactData?.contacts.edges ?? [])
      map.set(node.id, node.position ? `${node.fullName} — ${node.position}` : node.fullName);
    return [...map].map(([value, label]) => ({ value, label }));
  }, [contactData, meeting]);

  const sendUpdate = (expectedVersion: number) =>
    update(
      { input: { id: meeting!.id, expectedVersion, ...meetingChanges(original, values) } },
      { additionalTypenames: ['PlannedMeeting', 'Event'] },
    );

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!values.stateIso3) local.stateIso3 = t('common.required');
    if (values.plannedOn && (values.plannedOn < event.startsOn || values.plannedOn > event.endsOn))
      local.plannedOn = t('events.meetings.outsideEvent');
    const done = await form.run(local, async () => {
      if (meeting) return Object.keys(meetingChanges(original, values)).length ? sendUpdate(meeting.version) : {};
      const input = {
        eventId: event.id,
        stateIso3: values.stateIso3,
        contactIds: values.contactIds.length ? values.contactIds : undefined,
        plannedOn: values.plannedOn || undefined,
        objective: values.objective.trim() || undefined,
        visibility: values.visibility,
      };
      return plan({ input, idempotencyKey: key }, { additionalTypenames: ['PlannedMeeting', 'Event'] });
    });
    if (done) onDone();
  };

  const reapply = async () => {
    const reload = async () =>
      (
        await client.query(MeetingVersionsDocument, { eventId: event.id }, { requestPolicy: 'network-only' }).toPromise()
      ).data?.event?.plannedMeetings.find((m) => m.id === meeting!.id);
    if (await form.reapply(reload, sendUpdate)) onDone();
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={meeting ? t('events.meetings.editTitle') : t('events.meetings.planTitle')}
    >
      <Stack gap="sm">
        <Select
          label={t('events.meetings.state')}
          description={meeting ? undefined : t('events.meetings.stateHelp')}
          required
          data={stateOptions}
          value={values.stateIso3 || null}
          onChange={(value) => {
            set('stateIso3', value ?? '');
            set('contactIds', []);
          }}
          readOnly={!!meeting}
          searchable
          nothingFoundMessage={t('events.meetings.noAttending')}
          error={errors.stateIso3}
          data-autofocus
        />
        <MultiSelect
          label={t('events.meetings.contacts')}
          description={values.stateIso3 ? undefined : t('events.meetings.contactsHelp')}
          searchable
          clearable
          data={contactOptions}
          value={values.contactIds}
          onChange={(value) => set('contactIds', value)}
          nothingFoundMessage={t('logForm.noContact')}
          error={errors.contactIds}
        />
        <TextInput
          label={t('events.meetings.plannedOn')}
          type="date"
          min={event.startsOn}
          max={event.endsOn}
          value={values.plannedOn}
          onChange={(e) => set('plannedOn', e.currentTarget.value)}
          error={errors.plannedOn}
        />
        <Textarea
          label={t('events.meetings.objective')}
          minRows={2}
          value={values.objective}
          onChange={(e) => set('objective', e.currentTarget.value)}
          error={errors.objective}
        />
        <Radio.Group
          label={t('events.fields.visibility')}
          value={values.visibility}
          onChange={(value) => set('visibility', value as Visibility)}
          error={errors.visibility}
        >
          <Group mt="xs">
            {[...new Set<Visibility>([...EVENT_VISIBILITIES, original.visibility])].map((value) => (
              <Radio key={value} value={value} label={t(`visibility.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t(`visibility.sentence.${values.visibility}`, { organization: viewer?.organization.name ?? '' })}
        </Text>
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onDone} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy && !conflict}>
            {meeting ? t('common.save') : t('events.meetings.plan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
