import { Badge, Button, Group, Paper, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import type { StatePageQuery } from '../gql/graphql';
import type { ErrorLike } from '../lib/errors';
import { today, useFormat } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { useFormWrite } from '../lib/useFormWrite';

type ObstacleNode = NonNullable<StatePageQuery['state']>['obstacles'][number];

const CATEGORIES = ['PROCEDURAL', 'SUBSTANTIVE', 'TECHNICAL'] as const;
const VISIBILITIES = ['ORGANIZATION', 'COORDINATORS', 'SHARED'] as const;

const RecordDocument = graphql(`
  mutation RecordObstacle($input: RecordObstacleInput!) {
    recordObstacle(input: $input) {
      id
      version
      state {
        iso3
      }
    }
  }
`);
const UpdateDocument = graphql(`
  mutation UpdateObstacle($id: ID!, $input: UpdateObstacleInput!) {
    updateObstacle(id: $id, input: $input) {
      id
      version
      category
      description
      measures
    }
  }
`);
const ResolveDocument = graphql(`
  mutation ResolveObstacle($id: ID!, $expectedVersion: Int!, $resolvedOn: Date, $measures: String) {
    resolveObstacle(id: $id, expectedVersion: $expectedVersion, resolvedOn: $resolvedOn, measures: $measures) {
      id
      version
      status
      resolvedOn
      measures
    }
  }
`);
const ReopenDocument = graphql(`
  mutation ReopenObstacle($id: ID!, $expectedVersion: Int!) {
    reopenObstacle(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
      resolvedOn
    }
  }
`);
const ObstacleVersionDocument = graphql(`
  query ObstacleVersion($id: ID!) {
    obstacle(id: $id) {
      id
      version
    }
  }
`);

interface Draft {
  category: string;
  description: string;
  measures: string;
  visibility: string;
  recordedOn: string;
}

/** Record a new obstacle or edit one: category, description, measures (and visibility and date for a new one). */
function ObstacleForm({ iso3, obstacle, onDone }: { iso3: string; obstacle?: ObstacleNode; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const form = useFormWrite<Draft>(
    () => ({
      category: obstacle?.category ?? 'PROCEDURAL',
      description: obstacle?.description ?? '',
      measures: obstacle?.measures ?? '',
      visibility: obstacle?.visibility ?? 'COORDINATORS',
      recordedOn: obstacle?.recordedOn ?? today(),
    }),
    ['category', 'description', 'measures', 'visibility', 'recordedOn'],
  );
  const { values: draft, setValues: setDraft, errors, other, conflict, busy } = form;
  const [, record] = useMutation(RecordDocument);
  const [, update] = useMutation(UpdateDocument);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const sendUpdate = (expectedVersion: number) =>
    update({
      id: obstacle!.id,
      input: {
        expectedVersion,
        category: draft.category as never,
        description: draft.description.trim(),
        measures: draft.measures.trim() || null,
      },
    });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = draft.description.trim() ? {} : { description: t('common.required') };
    const done = await form.run(local, () =>
      obstacle
        ? sendUpdate(obstacle.version)
        : record(
            {
              input: {
                stateIso3: iso3,
                category: draft.category as never,
                description: draft.description.trim(),
                measures: draft.measures.trim() || undefined,
                visibility: draft.visibility as never,
                recordedOn: draft.recordedOn || undefined,
              },
            },
            { additionalTypenames: ['Obstacle'] },
          ),
    );
    if (done) onDone();
  };
  const reapply = async () => {
    const reload = async () =>
      (await client.query(ObstacleVersionDocument, { id: obstacle!.id }, { requestPolicy: 'network-only' }).toPromise()).data?.obstacle;
    if (await form.reapply(reload, sendUpdate)) onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={obstacle ? t('obstacles.edit') : t('obstacles.record')}>
      <Stack gap="xs">
        <Select
          label={t('obstacles.category')}
          data={CATEGORIES.map((value) => ({ value, label: t(`obstacles.categories.${value}`) }))}
          value={draft.category}
          allowDeselect={false}
          onChange={(value) => value && set({ category: value })}
          error={errors.category}
        />
        <Textarea
          label={t('obstacles.description')}
          required
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <Textarea
          label={t('obstacles.measures')}
          value={draft.measures}
          onChange={(e) => set({ measures: e.currentTarget.value })}
          error={errors.measures}
        />
        {!obstacle && (
          <>
            <TextInput
              label={t('obstacles.recordedOn')}
              type="date"
              value={draft.recordedOn}
              onChange={(e) => set({ recordedOn: e.currentTarget.value })}
              error={errors.recordedOn}
            />
            <Radio.Group
              label={t('logForm.visibility')}
              value={draft.visibility}
              onChange={(value) => set({ visibility: value })}
              error={errors.visibility}
            >
              <Group mt="xs">
                {VISIBILITIES.map((value) => (
                  <Radio key={value} value={value} label={t(`visibility.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
          </>
        )}
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onDone} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
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

/** Resolve (with its date) or reopen: both with the version read, CONFLICT offering to re-apply. */
function StatusButtons({ obstacle }: { obstacle: ObstacleNode }) {
  const { t } = useTranslation();
  const client = useClient();
  const [resolving, setResolving] = useState(false);
  const [resolvedOn, setResolvedOn] = useState(today());
  const write = useFormWrite({}, []);
  const { conflict, other, busy } = write;
  const [, resolve] = useMutation(ResolveDocument);
  const [, reopen] = useMutation(ReopenDocument);
  const action = (version: number): Promise<{ error?: ErrorLike | null }> =>
    obstacle.status === 'OPEN'
      ? resolve({ id: obstacle.id, expectedVersion: version, resolvedOn: resolvedOn || undefined })
      : reopen({ id: obstacle.id, expectedVersion: version });
  const run = async (reload: boolean) => {
    const done = reload
      ? await write.reapply(
          async () =>
            (await client.query(ObstacleVersionDocument, { id: obstacle.id }, { requestPolicy: 'network-only' }).toPromise()).data
              ?.obstacle,
          action,
        )
      : await write.run({}, () => action(obstacle.version));
    if (done) setResolving(false);
  };
  return (
    <Stack gap="xs">
      {obstacle.status === 'OPEN' && resolving ? (
        <Group align="flex-end">
          <TextInput
            label={t('obstacles.resolvedOn')}
            type="date"
            size="xs"
            value={resolvedOn}
            onChange={(e) => setResolvedOn(e.currentTarget.value)}
          />
          <Button size="xs" onClick={() => void run(false)} loading={busy}>
            {t('obstacles.resolve')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setResolving(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : obstacle.status === 'OPEN' ? (
        <Button size="compact-sm" variant="default" onClick={() => setResolving(true)}>
          {t('obstacles.resolve')}
        </Button>
      ) : (
        <Button size="compact-sm" variant="default" onClick={() => void run(false)} loading={busy}>
          {t('obstacles.reopen')}
        </Button>
      )}
      <ErrorList messages={other} />
      {conflict && (
        <ConflictAlert error={conflict} onReapply={() => void run(true)} onDiscard={() => write.setConflict(null)} busy={busy} />
      )}
    </Stack>
  );
}

export function Obstacles({ iso3, obstacles }: { iso3: string; obstacles: ObstacleNode[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="obstacles-title">
      <Group justify="space-between">
        <Title order={2} id="obstacles-title" size="h3">
          {t('obstacles.title')}
        </Title>
        {can.write && editing !== 'new' && (
          <Button size="xs" variant="default" onClick={() => setEditing('new')}>
            {t('obstacles.record')}
          </Button>
        )}
      </Group>
      {editing === 'new' && (
        <Paper withBorder p="sm" mt="xs">
          <ObstacleForm iso3={iso3} onDone={() => setEditing(null)} />
        </Paper>
      )}
      {obstacles.length === 0 && <Text c="dimmed">{t('obstacles.none')}</Text>}
      <Stack gap="xs" mt="xs">
        {obstacles.map((obstacle) => (
          <Paper key={obstacle.id} withBorder p="sm">
            {editing === obstacle.id ? (
              <ObstacleForm iso3={iso3} obstacle={obstacle} onDone={() => setEditing(null)} />
            ) : (
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Group gap="xs">
                    <Badge color={obstacle.status === 'OPEN' ? 'red' : 'green'} variant="light">
                      {t(`obstacles.status.${obstacle.status}`)}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t(`obstacles.categories.${obstacle.category}`)} ·{' '}
                      {t('obstacles.recordedOnDate', { date: format.date(obstacle.recordedOn) })}
                      {obstacle.resolvedOn ? ` · ${t('obstacles.resolvedOnDate', { date: format.date(obstacle.resolvedOn) })}` : ''}
                    </Text>
                    <Badge variant="outline" color="gray">
                      {t(`visibility.${obstacle.visibility}`)}
                    </Badge>
                  </Group>
                  <Text mt={4}>{obstacle.description}</Text>
                  {obstacle.measures && (
                    <Text size="sm">
                      <strong>{t('obstacles.measures')}:</strong> {obstacle.measures}
                    </Text>
                  )}
                </div>
                {can.write && (
                  <Stack gap={4} align="flex-end">
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(obstacle.id)}>
                      {t('common.edit')}
                    </Button>
                    <StatusButtons obstacle={obstacle} />
                  </Stack>
                )}
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
