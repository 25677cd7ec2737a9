import { Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import type { EventKind, Visibility } from '../gql/graphql';
import { today } from '../lib/format';
import { useSession } from '../lib/SessionContext';
import { useFormWrite, useIdempotencyKey } from '../lib/useFormWrite';
import { StatesPicker } from './StatesPicker';
import '../i18n/later';

export const EVENT_KINDS: EventKind[] = ['MEETING_OF_STATES_PARTIES', 'FIRST_COMMITTEE', 'REGIONAL_CONFERENCE', 'WORKSHOP', 'OTHER'];
export const EVENT_VISIBILITIES = ['ORGANIZATION', 'COORDINATORS', 'SHARED'] as const;

const RecordEventDocument = graphql(`
  mutation RecordEvent($input: RecordEventInput!, $idempotencyKey: String) {
    recordEvent(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
      name
    }
  }
`);

const UpdateEventDocument = graphql(`
  mutation UpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      id
      version
      name
      kind
      place
      startsOn
      endsOn
      visibility
    }
  }
`);

const EventVersionDocument = graphql(`
  query EventVersion($id: ID!) {
    event(id: $id) {
      id
      version
    }
  }
`);

export interface EditableEvent {
  id: string;
  version: number;
  name: string;
  kind: EventKind;
  place?: string | null;
  startsOn: string;
  endsOn: string;
  visibility: Visibility;
}

interface EventValues {
  name: string;
  kind: EventKind;
  place: string;
  startsOn: string;
  endsOn: string;
  visibility: Visibility;
  attendingStateIso3s: string[];
}

const FIELDS = ['name', 'kind', 'place', 'startsOn', 'endsOn', 'visibility', 'attendingStateIso3s'];

const valuesOf = (event?: EditableEvent): EventValues => ({
  name: event?.name ?? '',
  kind: event?.kind ?? 'MEETING_OF_STATES_PARTIES',
  place: event?.place ?? '',
  startsOn: event?.startsOn ?? today(),
  endsOn: event?.endsOn ?? today(),
  visibility: event?.visibility ?? 'COORDINATORS',
  attendingStateIso3s: [],
});

/** The fields of `updateEvent` the user changed (a cleared place as null). */
export function eventChanges(before: EventValues, after: EventValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of ['name', 'kind', 'place', 'startsOn', 'endsOn', 'visibility'] as const) {
    const value = after[field].trim();
    if (value === before[field].trim()) continue;
    changes[field] = value === '' && field === 'place' ? null : value;
  }
  return changes;
}

/** Problems the browser can tell before sending. */
function localProblems(values: EventValues, messages: { required: string; endsBefore: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.name.trim()) problems.name = messages.required;
  if (!values.startsOn) problems.startsOn = messages.required;
  if (!values.endsOn) problems.endsOn = messages.required;
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) problems.endsOn = messages.endsBefore;
  return problems;
}

/** Record an event with the States attending, or correct one (with the version read; CONFLICT offers to re-apply). */
export function EventForm({ event, onDone }: { event?: EditableEvent; onDone: (id?: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { viewer } = useSession();
  const sentence = (visibility: Visibility) => t(`visibility.sentence.${visibility}`, { organization: viewer?.organization.name ?? '' });
  const form = useFormWrite(() => valuesOf(event), FIELDS);
  const { original, values, set, errors, other, conflict, busy } = form;
  const key = useIdempotencyKey();
  const [, record] = useMutation(RecordEventDocument);
  const [, update] = useMutation(UpdateEventDocument);
  const sendUpdate = (expectedVersion: number) =>
    update({ input: { id: event!.id, expectedVersion, ...eventChanges(original, values) } }, { additionalTypenames: ['Event'] });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const local = localProblems(values, { required: t('common.required'), endsBefore: t('events.form.endsBefore') });
    if (event) {
      const changed = Object.keys(eventChanges(original, values)).length > 0;
      if (await form.run(local, async () => (changed ? sendUpdate(event.version) : {}))) onDone(event.id);
      return;
    }
    const input = {
      name: values.name.trim(),
      kind: values.kind,
      place: values.place.trim() || undefined,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      visibility: values.visibility,
      attendingStateIso3s: values.attendingStateIso3s,
    };
    let id: string | undefined;
    const recorded = await form.run(local, async () => {
      const result = await record({ input, idempotencyKey: key }, { additionalTypenames: ['Event'] });
      id = result.data?.recordEvent.id;
      return result;
    });
    if (recorded) onDone(id);
  };

  const reapply = async () => {
    const reload = async () =>
      (await client.query(EventVersionDocument, { id: event!.id }, { requestPolicy: 'network-only' }).toPromise()).data?.event;
    if (await form.reapply(reload, sendUpdate)) onDone(event!.id);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={event ? t('events.form.editTitle') : t('events.form.createTitle')}>
      <Stack gap="sm">
        <TextInput
          label={t('events.fields.name')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label={t('events.fields.kind')}
            data={EVENT_KINDS.map((value) => ({ value, label: t(`eventKind.${value}`) }))}
            value={values.kind}
            allowDeselect={false}
            onChange={(value) => value && set('kind', value as EventKind)}
            error={errors.kind}
          />
          <TextInput
            label={t('events.fields.place')}
            value={values.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={errors.place}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('events.fields.startsOn')}
            type="date"
            required
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={errors.startsOn}
          />
          <TextInput
            label={t('events.fields.endsOn')}
            type="date"
            required
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
            error={errors.endsOn}
          />
        </Group>
        {!event && (
          <StatesPicker
            label={t('events.fields.attending')}
            description={t('events.form.attendingHelp')}
            value={values.attendingStateIso3s}
            onChange={(value) => set('attendingStateIso3s', value)}
            error={errors.attendingStateIso3s}
          />
        )}
        <Radio.Group
          label={t('events.fields.visibility')}
          value={values.visibility}
          onChange={(value) => set('visibility', value as Visibility)}
          error={errors.visibility}
        >
          <Group mt="xs">
            {EVENT_VISIBILITIES.map((value) => (
              <Radio key={value} value={value} label={t(`visibility.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {sentence(values.visibility)}
        </Text>
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={() => onDone(event?.id)} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(event?.id)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy && !conflict}>
            {event ? t('common.save') : t('events.form.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
