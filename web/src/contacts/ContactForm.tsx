import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import { useFormWrite, useIdempotencyKey } from '../lib/useFormWrite';
import { StatePicker } from './StatePicker';

export const POSTINGS = ['GENEVA_MISSION', 'NEW_YORK_MISSION', 'CAPITAL', 'OTHER_MISSION', 'OTHER'] as const;

const CreateContactDocument = graphql(`
  mutation CreateContact($input: CreateContactInput!, $idempotencyKey: String) {
    createContact(input: $input, idempotencyKey: $idempotencyKey) {
      id
      version
      fullName
    }
  }
`);
const UpdateContactDocument = graphql(`
  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) {
      id
      version
      title
      fullName
      position
      posting
      email
      phone
      languages
      notes
      state {
        iso3
        name
      }
    }
  }
`);
const ContactVersionDocument = graphql(`
  query ContactVersion($id: ID!) {
    contact(id: $id) {
      id
      version
    }
  }
`);

export interface ContactValues {
  title: string;
  fullName: string;
  position: string;
  posting: string;
  stateIso3: string;
  email: string;
  phone: string;
  languages: string;
  notes: string;
}

const FIELDS = ['title', 'fullName', 'position', 'posting', 'stateIso3', 'email', 'phone', 'languages', 'notes'];

export interface EditableContact {
  id: string;
  version: number;
  title?: string | null;
  fullName: string;
  position?: string | null;
  posting?: string | null;
  email?: string | null;
  phone?: string | null;
  languages: string[];
  notes?: string | null;
  state?: { iso3: string; name: string } | null;
}

const valuesOf = (contact?: EditableContact): ContactValues => ({
  title: contact?.title ?? '',
  fullName: contact?.fullName ?? '',
  position: contact?.position ?? '',
  posting: contact?.posting ?? '',
  stateIso3: contact?.state?.iso3 ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
  languages: contact?.languages.join(', ') ?? '',
  notes: contact?.notes ?? '',
});

/** The fields that changed, as the API takes them (cleared text as null, languages as a list). */
export function contactChanges(before: ContactValues, after: ContactValues, all = false): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS as (keyof ContactValues)[]) {
    const value = after[field].trim();
    if (!all && value === before[field].trim()) continue;
    if (field === 'languages') {
      const list = value.split(/[,\s]+/).filter(Boolean);
      if (all && !list.length) continue;
      changes.languages = list;
    } else if (value === '') {
      if (!all) changes[field] = null;
    } else changes[field] = value;
  }
  return changes;
}

/** Create a contact, or edit one (with the version read; CONFLICT offers to re-apply). */
export function ContactForm({ contact, onDone }: { contact?: EditableContact; onDone: (id?: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const form = useFormWrite(() => valuesOf(contact), FIELDS);
  const { original, values, set, errors, other, conflict, busy } = form;
  const key = useIdempotencyKey();
  const [, create] = useMutation(CreateContactDocument);
  const [, update] = useMutation(UpdateContactDocument);
  const sendUpdate = (expectedVersion: number) =>
    update({ id: contact!.id, input: { expectedVersion, ...contactChanges(original, values) } });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = values.fullName.trim() ? {} : { fullName: t('common.required') };
    if (contact) {
      if (await form.run(local, () => sendUpdate(contact.version))) onDone(contact.id);
      return;
    }
    let id: string | undefined;
    const created = await form.run(local, async () => {
      const input = contactChanges(original, values, true) as { fullName: string };
      const result = await create({ input, idempotencyKey: key }, { additionalTypenames: ['Contact'] });
      id = result.data?.createContact.id;
      return result;
    });
    if (created) onDone(id);
  };
  const reapply = async () => {
    const reload = async () =>
      (await client.query(ContactVersionDocument, { id: contact!.id }, { requestPolicy: 'network-only' }).toPromise()).data?.contact;
    if (await form.reapply(reload, sendUpdate)) onDone(contact!.id);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={contact ? t('contactsPage.edit') : t('contactsPage.create')}>
      <Stack gap="xs">
        <div className="grid grid-form">
          <TextInput
            label={t('contactsPage.fields.title')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <TextInput
            label={t('contactsPage.fields.fullName')}
            required
            value={values.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
            data-autofocus
          />
          <TextInput
            label={t('contactsPage.fields.position')}
            value={values.position}
            onChange={(e) => set('position', e.currentTarget.value)}
            error={errors.position}
          />
          <Select
            label={t('contactsPage.fields.posting')}
            data={POSTINGS.map((value) => ({ value, label: t(`posting.${value}`) }))}
            value={values.posting || null}
            onChange={(value) => set('posting', value ?? '')}
            clearable
            error={errors.posting}
          />
          <StatePicker
            label={t('contactsPage.fields.state')}
            value={values.stateIso3}
            initialName={contact?.state?.name}
            onChange={(value) => set('stateIso3', value)}
            error={errors.stateIso3}
          />
          <TextInput
            label={t('contactsPage.fields.email')}
            type="email"
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('contactsPage.fields.phone')}
            type="tel"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errors.phone}
          />
          <TextInput
            label={t('contactsPage.fields.languages')}
            description={t('contactsPage.fields.languagesHelp')}
            value={values.languages}
            onChange={(e) => set('languages', e.currentTarget.value)}
            error={errors.languages}
          />
        </div>
        <Textarea
          label={t('contactsPage.fields.notes')}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={errors.notes}
        />
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={() => onDone(contact?.id)} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(contact?.id)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
