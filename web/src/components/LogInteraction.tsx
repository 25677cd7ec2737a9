import { Alert, Button, Group, Modal, MultiSelect, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import {
  changedFields,
  emptyValues,
  FIELDS,
  INTERACTION_TYPES,
  localProblems,
  logInput,
  valuesOf,
  type InteractionValues,
  type VisibilityValue,
} from '../interactions/form';
import { reloadAndReapply } from '../lib/conflict';
import { conflictVersions, errorMessage, formProblems, isConflict, type ErrorLike } from '../lib/errors';
import { today } from '../lib/format';
import { allowedVisibilities } from '../lib/permissions';
import { useSession } from '../lib/SessionContext';
import type { HeldMeeting, LogInteractionDefaults } from './LogInteractionContext';
import { useStateNames } from '../lib/stateNames';
import { useIdempotencyKey } from '../lib/useFormWrite';

const StateSearchDocument = graphql(`
  query LogStateSearch($search: String!) {
    states(filter: { search: $search }, first: 15) {
      edges {
        node {
          iso3
          name
        }
      }
    }
  }
`);

const StateContactsDocument = graphql(`
  query LogStateContacts($stateIso3s: [String!]!) {
    contacts(filter: { stateIso3s: $stateIso3s }, first: 200) {
      edges {
        node {
          id
          fullName
          position
          state {
            iso3
            name
          }
        }
      }
    }
  }
`);

const LogDocument = graphql(`
  mutation LogInteraction($input: LogInteractionInput!, $idempotencyKey: String) {
    logInteraction(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
      subject
      occurredOn
      states {
        iso3
      }
    }
  }
`);

const LogMeetingHeldDocument = graphql(`
  mutation LogMeetingHeld($input: LogMeetingHeldInput!, $idempotencyKey: String) {
    logMeetingHeld(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
      held
      interaction {
        id
        subject
      }
    }
  }
`);

const MeetingVersionDocument = graphql(`
  query PlannedMeetingVersion($eventId: ID!) {
    event(id: $eventId) {
      id
      plannedMeetings {
        id
        version
        held
      }
    }
  }
`);

const UpdateDocument = graphql(`
  mutation UpdateInteraction($id: ID!, $input: UpdateInteractionInput!) {
    updateInteraction(id: $id, input: $input) {
      id
      version
      type
      occurredOn
      subject
      summary
      outcome
      followUpOn
      visibility
      states {
        iso3
      }
      contacts {
        id
      }
    }
  }
`);

const DeleteDocument = graphql(`
  mutation DeleteInteraction($id: ID!, $expectedVersion: Int) {
    deleteInteraction(id: $id, expectedVersion: $expectedVersion)
  }
`);

const CurrentVersionDocument = graphql(`
  query InteractionVersion($id: ID!) {
    interaction(id: $id) {
      id
      version
      states {
        iso3
      }
    }
  }
`);

/** The form's values for a planned meeting logged as held: its State, contacts and objective, a bilateral meeting on the day planned (not after today). */
export function heldMeetingValues(meeting: HeldMeeting, now: string): InteractionValues {
  const day = meeting.plannedOn && meeting.plannedOn <= now ? meeting.plannedOn : now;
  return {
    ...emptyValues(day, [meeting.stateIso3], meeting.visibility as VisibilityValue),
    type: 'BILATERAL_MEETING',
    contactIds: meeting.contacts.map((c) => c.id),
    summary: meeting.objective ?? '',
  };
}

/** The input of `logMeetingHeld`: an empty subject is left to the service. */
export function heldInput(meeting: HeldMeeting, values: InteractionValues, expectedVersion: number) {
  const input = logInput(values);
  return {
    meetingId: meeting.id,
    expectedVersion,
    occurredOn: input.occurredOn,
    subject: input.subject || undefined,
    summary: input.summary,
    outcome: input.outcome,
    followUpOn: input.followUpOn,
    contactIds: values.contactIds,
    visibility: input.visibility,
  };
}

/** A new key per form, so that a retried request after a lost answer logs the interaction once. */
/** The sentence saying who will see an interaction with this visibility. */
export function useVisibilitySentence() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  return (visibility: VisibilityValue) => t(`visibility.sentence.${visibility}`, { organization: viewer?.organization.name ?? '' });
}

/**
 * The form itself (type, date, States, contacts, subject, summary, outcome, follow-up date,
 * visibility with a sentence saying who will see it). Called with the defaults; `onDone` closes it.
 */
export function LogInteractionForm({ defaults, onDone }: { defaults: LogInteractionDefaults; onDone: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const names = useStateNames();
  const client = useClient();
  const sentence = useVisibilitySentence();
  const editing = defaults.interaction;
  const meeting = editing ? undefined : defaults.meeting;
  const allowed = allowedVisibilities(viewer);
  // A meeting's own visibility (MANDATE, say) is offered even where a new interaction would not be given it.
  const visibilities: VisibilityValue[] =
    meeting && !(allowed as string[]).includes(meeting.visibility) ? [...allowed, meeting.visibility as VisibilityValue] : allowed;
  const original = useMemo(
    () =>
      editing
        ? valuesOf(editing)
        : meeting
          ? heldMeetingValues(meeting, today())
          : emptyValues(today(), defaults.stateIso3s ?? [], visibilities[0]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the starting values, taken once when the form opens
    [],
  );
  const [values, setValues] = useState<InteractionValues>(original);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string[]>([]);
  const [conflict, setConflict] = useState<ErrorLike | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useIdempotencyKey();
  const [, log] = useMutation(LogDocument);
  const [, logHeld] = useMutation(LogMeetingHeldDocument);
  const [, update] = useMutation(UpdateDocument);
  const [, remove] = useMutation(DeleteDocument);

  const set = <K extends keyof InteractionValues>(field: K, value: InteractionValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  };

  // States: type-ahead on the service's search (name or ISO code).
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [{ data: found }] = useQuery({ query: StateSearchDocument, variables: { search: debounced }, pause: debounced.length < 1 });
  const stateOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const iso3 of values.stateIso3s)
      options.set(
        iso3,
        names.name(
          iso3,
          editing?.states.find((s) => s.iso3 === iso3)?.name ?? (meeting?.stateIso3 === iso3 ? meeting.stateName : undefined) ?? iso3,
        ),
      );
    for (const edge of found?.states.edges ?? []) options.set(edge.node.iso3, names.name(edge.node.iso3, edge.node.name));
    return [...options].map(([value, label]) => ({ value, label: `${label} (${value})` }));
  }, [found, values.stateIso3s, names, editing, meeting]);

  // Contacts: those of the States chosen.
  const [{ data: contactData }] = useQuery({
    query: StateContactsDocument,
    variables: { stateIso3s: values.stateIso3s },
    pause: values.stateIso3s.length === 0,
  });
  const contactOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const contact of editing?.contacts ?? meeting?.contacts ?? [])
      if (values.contactIds.includes(contact.id)) options.set(contact.id, contact.fullName ?? contact.id);
    for (const { node } of contactData?.contacts.edges ?? []) {
      const where = [node.position, node.state ? names.name(node.state.iso3, node.state.name) : null].filter(Boolean).join(', ');
      options.set(node.id, where ? `${node.fullName} — ${where}` : node.fullName);
    }
    return [...options].map(([value, label]) => ({ value, label }));
  }, [contactData, editing, meeting, values.contactIds, names]);

  const showError = (error: ErrorLike) => {
    if (isConflict(error)) {
      setConflict(error);
      return;
    }
    const problems = formProblems(error, FIELDS);
    setErrors(problems.fields);
    const others = problems.other.length ? problems.other : Object.keys(problems.fields).length ? [] : [errorMessage(error) ?? ''];
    setFailure(others);
  };

  const sendHeld = (expectedVersion: number) =>
    logHeld(
      { input: heldInput(meeting!, values, expectedVersion), idempotencyKey },
      { additionalTypenames: ['Interaction', 'PlannedMeeting', 'Event'] },
    );

  const held = (data: { logMeetingHeld: { interaction?: { id: string; subject: string } | null } } | undefined) => {
    notifications.show({
      message: t('logForm.heldLogged', { subject: data?.logMeetingHeld.interaction?.subject ?? values.subject }),
      closeButtonProps: { 'aria-label': t('common.close') },
    });
    meeting?.onHeld?.(data?.logMeetingHeld.interaction?.id ?? null);
  };

  const sendUpdate = (expectedVersion: number) =>
    update({ id: editing!.id, input: { expectedVersion, ...changedFields(original, values) } }, { additionalTypenames: ['Interaction'] });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure([]);
    setConflict(null);
    const local = localProblems(values, {
      required: t('common.required'),
      statesRequired: t('logForm.statesRequired'),
      followUpBefore: t('logForm.followUpBefore'),
    });
    // A held meeting's subject may be left to the service ("Bilateral meeting at <event>").
    if (meeting) delete local.subject;
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      if (editing) {
        if (!Object.keys(changedFields(original, values)).length) return onDone();
        const result = await sendUpdate(editing.version);
        if (result.error) return showError(result.error);
        notifications.show({ message: t('logForm.saved') });
      } else if (meeting) {
        const result = await sendHeld(meeting.version);
        if (result.error) return showError(result.error);
        held(result.data);
      } else {
        const result = await log({ input: logInput(values), idempotencyKey }, { additionalTypenames: ['Interaction'] });
        if (result.error) return showError(result.error);
        notifications.show({ message: t('logForm.logged', { subject: result.data?.logInteraction.subject }) });
      }
      onDone();
    } finally {
      setBusy(false);
    }
  };

  const reapply = async () => {
    setBusy(true);
    try {
      if (meeting) {
        const result = await reloadAndReapply(
          async () =>
            (
              await client.query(MeetingVersionDocument, { eventId: meeting.eventId }, { requestPolicy: 'network-only' }).toPromise()
            ).data?.event?.plannedMeetings.find((m) => m.id === meeting.id),
          (version) => sendHeld(version),
          t('errors.gone'),
        );
        if (result.error) return showError(result.error);
        setConflict(null);
        held('data' in result ? result.data : undefined);
        onDone();
        return;
      }
      const result = await reloadAndReapply(
        async () =>
          (await client.query(CurrentVersionDocument, { id: editing!.id }, { requestPolicy: 'network-only' }).toPromise()).data
            ?.interaction,
        (version) => sendUpdate(version),
        t('errors.gone'),
      );
      if (result.error) return showError(result.error);
      setConflict(null);
      notifications.show({ message: t('logForm.saved') });
      onDone();
    } finally {
      setBusy(false);
    }
  };

  const doDelete = async () => {
    setBusy(true);
    try {
      const result = await remove({ id: editing!.id, expectedVersion: editing!.version }, { additionalTypenames: ['Interaction'] });
      if (result.error) {
        setConfirmDelete(false);
        return showError(result.error);
      }
      notifications.show({ message: t('logForm.deleted') });
      onDone();
    } finally {
      setBusy(false);
    }
  };

  const versions = conflictVersions(conflict);
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={editing ? t('logForm.editTitle') : meeting ? t('logForm.heldTitle') : t('logInteraction.title')}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('logForm.type')}
            data={INTERACTION_TYPES.map((value) => ({ value, label: t(`interactionType.${value}`) }))}
            value={values.type}
            allowDeselect={false}
            onChange={(value) => value && set('type', value as InteractionValues['type'])}
            error={errors.type}
            readOnly={!!meeting}
            data-autofocus
          />
          <TextInput
            label={t('logForm.date')}
            type="date"
            required
            value={values.occurredOn}
            onChange={(e) => set('occurredOn', e.currentTarget.value)}
            error={errors.occurredOn}
          />
        </Group>
        <MultiSelect
          label={t('logForm.states')}
          description={t('logForm.statesHelp')}
          required
          searchable
          data={stateOptions}
          value={values.stateIso3s}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          onChange={(value) => {
            set('stateIso3s', value);
            setSearch('');
          }}
          nothingFoundMessage={debounced ? t('logForm.noState') : t('logForm.typeToSearch')}
          error={errors.stateIso3s}
          readOnly={!!meeting}
        />
        <MultiSelect
          label={t('logForm.contacts')}
          description={values.stateIso3s.length ? undefined : t('logForm.contactsHelp')}
          searchable
          clearable
          data={contactOptions}
          value={values.contactIds}
          onChange={(value) => set('contactIds', value)}
          nothingFoundMessage={t('logForm.noContact')}
          error={errors.contactIds}
        />
        <TextInput
          label={t('logForm.subject')}
          required={!meeting}
          description={meeting ? t('logForm.heldSubjectHelp') : undefined}
          value={values.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          error={errors.subject}
        />
        <Textarea
          label={t('logForm.summary')}
          minRows={2}
          value={values.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          error={errors.summary}
        />
        <Textarea
          label={t('logForm.outcome')}
          minRows={1}
          value={values.outcome}
          onChange={(e) => set('outcome', e.currentTarget.value)}
          error={errors.outcome}
        />
        <TextInput
          label={t('logForm.followUpOn')}
          type="date"
          value={values.followUpOn}
          onChange={(e) => set('followUpOn', e.currentTarget.value)}
          error={errors.followUpOn}
        />
        {visibilities.length > 1 ? (
          <Radio.Group
            label={t('logForm.visibility')}
            value={values.visibility}
            onChange={(value) => set('visibility', value as VisibilityValue)}
            error={errors.visibility}
          >
            <Group mt="xs">
              {visibilities.map((value) => (
                <Radio key={value} value={value} label={t(`visibility.${value}`)} />
              ))}
            </Group>
          </Radio.Group>
        ) : (
          <Text size="sm" fw={500}>
            {t('logForm.visibility')}: {t(`visibility.${values.visibility}`)}
          </Text>
        )}
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="visibility-sentence">
          {sentence(values.visibility)}
        </Text>
        {failure.filter(Boolean).map((message) => (
          <Alert key={message} color="red" role="alert">
            {message}
          </Alert>
        ))}
        {conflict && (
          <Alert color="orange" role="alert" title={t('errors.conflictShort')}>
            <Text size="sm">
              {versions
                ? t('errors.conflict', { expected: versions.expectedVersion, actual: versions.actualVersion })
                : t('errors.conflictShort')}
            </Text>
            <Group mt="sm">
              <Button size="xs" onClick={() => void reapply()} loading={busy}>
                {t('errors.reloadAndReapply')}
              </Button>
              <Button size="xs" variant="default" onClick={onDone}>
                {t('errors.discard')}
              </Button>
            </Group>
          </Alert>
        )}
        {confirmDelete && (
          <Alert color="red" role="alert" title={t('logForm.confirmDelete')}>
            <Group mt="xs">
              <Button size="xs" color="red.9" onClick={() => void doDelete()} loading={busy}>
                {t('logForm.delete')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <div>
            {editing && !confirmDelete && (
              <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
                {t('logForm.delete')}
              </Button>
            )}
          </div>
          <Group>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy && !conflict}>
              {editing ? t('common.save') : t('logForm.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The dialog around the form: loaded the first time the user opens it (see LogInteractionContext). */
export default function LogInteractionDialog({
  defaults,
  opened,
  onClose,
}: {
  defaults: LogInteractionDefaults | null;
  opened: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // While the dialog fades out after closing, it keeps its title and form as they were.
  const last = useRef(defaults);
  if (defaults) last.current = defaults;
  const shown = defaults ?? last.current;
  return (
    <Modal
      lockScroll={false}
      opened={defaults !== null}
      onClose={onClose}
      title={shown?.interaction ? t('logForm.editTitle') : shown?.meeting ? t('logForm.heldTitle') : t('logInteraction.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('logInteraction.close') }}
    >
      {shown && <LogInteractionForm key={opened} defaults={shown} onDone={onClose} />}
    </Modal>
  );
}
