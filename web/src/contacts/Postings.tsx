import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import { today, useFormat } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { useFormWrite } from '../lib/useFormWrite';
import { POSTINGS } from './ContactForm';
import { StatePicker } from './StatePicker';

const AddPostingDocument = graphql(`
  mutation AddContactPosting($input: AddContactPostingInput!) {
    addContactPosting(input: $input) {
      id
      version
      posting
      position
      postings {
        id
        from
        to
        current
        posting
        position
        state {
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
const PostingContactVersionDocument = graphql(`
  query PostingContactVersion($id: ID!) {
    contact(id: $id) {
      id
      version
    }
  }
`);

export interface PostingRow {
  id: string;
  from: string;
  to?: string | null;
  current: boolean;
  posting?: string | null;
  position?: string | null;
  state?: { iso3: string; name: string } | null;
  organization?: { id: string; name: string } | null;
}

function AddPosting({ contactId, version, onDone }: { contactId: string; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const form = useFormWrite({ posting: 'GENEVA_MISSION', position: '', stateIso3: '', from: today(), to: '' }, [
    'posting',
    'position',
    'stateIso3',
    'from',
    'to',
  ]);
  const { values, setValues, errors, other, conflict, busy } = form;
  const [, add] = useMutation(AddPostingDocument);
  const send = (expectedVersion: number) =>
    add({
      input: {
        contactId,
        expectedVersion,
        posting: values.posting as never,
        position: values.position.trim() || undefined,
        stateIso3: values.stateIso3 || undefined,
        from: values.from,
        to: values.to || undefined,
      },
    });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run(values.from ? {} : { from: t('common.required') }, () => send(version))) onDone();
  };
  const reapply = async () => {
    const reload = async () =>
      (await client.query(PostingContactVersionDocument, { id: contactId }, { requestPolicy: 'network-only' }).toPromise()).data?.contact;
    if (await form.reapply(reload, send)) onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('postings.add')}>
      <Stack gap="xs">
        <div className="grid grid-form">
          <Select
            label={t('contactsPage.fields.posting')}
            data={POSTINGS.map((value) => ({ value, label: t(`posting.${value}`) }))}
            value={values.posting}
            allowDeselect={false}
            onChange={(value) => value && setValues((v) => ({ ...v, posting: value }))}
            error={errors.posting}
          />
          <TextInput
            label={t('contactsPage.fields.position')}
            value={values.position}
            onChange={(e) => setValues({ ...values, position: e.currentTarget.value })}
            error={errors.position}
          />
          <StatePicker
            label={t('contactsPage.fields.state')}
            value={values.stateIso3}
            onChange={(iso3) => setValues((v) => ({ ...v, stateIso3: iso3 }))}
            error={errors.stateIso3}
          />
          <TextInput
            label={t('postings.from')}
            type="date"
            required
            value={values.from}
            onChange={(e) => setValues({ ...values, from: e.currentTarget.value })}
            error={errors.from}
          />
          <TextInput
            label={t('postings.to')}
            description={t('postings.toHelp')}
            type="date"
            value={values.to}
            onChange={(e) => setValues({ ...values, to: e.currentTarget.value })}
            error={errors.to}
          />
        </div>
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onDone} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('postings.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A contact's postings over time, newest first, and "add a posting" for coordinators. */
export function Postings({ contactId, version, postings }: { contactId: string; version: number; postings: PostingRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="postings-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="postings-title">
          {t('postings.title')}
        </Title>
        {can.write && !adding && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('postings.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <Paper withBorder p="sm" mt="xs">
          <AddPosting contactId={contactId} version={version} onDone={() => setAdding(false)} />
        </Paper>
      )}
      {postings.length === 0 && <Text c="dimmed">{t('postings.none')}</Text>}
      <ol className="timeline">
        {postings.map((posting) => (
          <li key={posting.id}>
            <Text size="sm">
              <strong>
                {posting.to
                  ? t('postings.between', { from: format.date(posting.from), to: format.date(posting.to) })
                  : t('postings.since', { from: format.date(posting.from) })}
              </strong>
              {posting.current ? ` (${t('postings.current')})` : ''}
              {': '}
              {[
                posting.position,
                posting.posting ? t(`posting.${posting.posting}`) : null,
                posting.state ? names.name(posting.state.iso3, posting.state.name) : null,
                posting.organization?.name,
              ]
                .filter(Boolean)
                .join(', ')}
            </Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
