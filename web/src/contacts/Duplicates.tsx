import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import type { ContactDuplicatesQuery } from '../gql/graphql';
import { errorMessage, isConflict, type ErrorLike } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';

const DuplicatesDocument = graphql(`
  query ContactDuplicates {
    contactDuplicates(first: 100) {
      totalCount
      edges {
        node {
          key
          reason
          contacts {
            id
            version
            title
            fullName
            email
            position
            createdAt
            state {
              iso3
              name
            }
          }
        }
      }
    }
  }
`);

const MergeDocument = graphql(`
  mutation MergeContacts($input: MergeContactsInput!) {
    mergeContacts(input: $input) {
      id
      version
      fullName
    }
  }
`);

type Group_ = ContactDuplicatesQuery['contactDuplicates']['edges'][number]['node'];

function DuplicateGroup({ group, onMerged }: { group: Group_; onMerged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const can = useCan();
  const [survivor, setSurvivor] = useState(group.contacts[0]?.id ?? '');
  const [conflict, setConflict] = useState<ErrorLike | null>(null);
  const [other, setOther] = useState<string[]>([]);
  const [, merge] = useMutation(MergeDocument);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const keep = group.contacts.find((c) => c.id === survivor)!;
    const others = group.contacts.filter((c) => c.id !== survivor);
    setBusy(true);
    const result = await merge(
      {
        input: {
          survivorId: keep.id,
          survivorExpectedVersion: keep.version,
          duplicateIds: others.map((c) => c.id),
          duplicateExpectedVersions: others.map((c) => c.version),
        },
      },
      { additionalTypenames: ['Contact', 'ContactDuplicateGroup'] },
    );
    setBusy(false);
    if (result.error) {
      if (isConflict(result.error)) setConflict(result.error);
      else setOther([errorMessage(result.error) ?? '']);
      return;
    }
    notifications.show({ message: t('duplicates.merged', { name: result.data?.mergeContacts.fullName }) });
    onMerged();
  };
  const legend = t(`duplicates.reason.${group.reason}`, { key: group.key });
  return (
    <Paper withBorder p="sm">
      <Radio.Group
        label={legend}
        value={survivor}
        onChange={setSurvivor}
        description={can.write ? t('duplicates.chooseSurvivor') : undefined}
      >
        <Stack gap={4} mt="xs">
          {group.contacts.map((contact) => {
            const label = [
              [contact.title, contact.fullName].filter(Boolean).join(' '),
              contact.position,
              contact.state ? names.name(contact.state.iso3, contact.state.name) : null,
              contact.email,
              t('duplicates.created', { date: format.date(contact.createdAt.slice(0, 10)) }),
            ]
              .filter(Boolean)
              .join(' · ');
            return can.write ? (
              <Radio key={contact.id} value={contact.id} label={label} />
            ) : (
              <Text key={contact.id} size="sm">
                {label}
              </Text>
            );
          })}
        </Stack>
      </Radio.Group>
      <ErrorList messages={other} />
      {conflict && <ConflictAlert error={conflict} onReapply={onMerged} onDiscard={() => setConflict(null)} />}
      {can.write && (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" onClick={() => void run()} loading={busy}>
            {t('duplicates.merge', { count: group.contacts.length - 1 })}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** Groups of contacts that are likely the same person; coordinators merge them into the one chosen. */
export function Duplicates() {
  const { t } = useTranslation();
  const context = useMemo(() => ({ additionalTypenames: ['Contact'] }), []);
  const [{ data, error }, reexecute] = useQuery({ query: DuplicatesDocument, context });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <section aria-labelledby="duplicates-title">
      <Title order={2} size="h3" id="duplicates-title">
        {t('duplicates.title')}
      </Title>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {data && data.contactDuplicates.totalCount === 0 && <Text c="dimmed">{t('duplicates.none')}</Text>}
      <Stack gap="xs" mt="xs">
        {data?.contactDuplicates.edges.map(({ node }) => (
          <DuplicateGroup key={`${node.reason}:${node.key}`} group={node} onMerged={refresh} />
        ))}
      </Stack>
    </section>
  );
}
