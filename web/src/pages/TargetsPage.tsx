import { Alert, Button, Group, Loader, Modal, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { PageLoader } from '../components/PageLoader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { useCan } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { getToken } from '../lib/session';
import { useFormWrite } from '../lib/useFormWrite';
import { useSearchState } from '../lib/useSearchState';
import { exportUrl, filtersFromSearch, searchFromFilters, type TargetQuery } from '../targets/filters';
import { TargetFiltersPanel } from '../targets/TargetFiltersPanel';
import { TargetsTable } from '../targets/TargetsTable';

// The map (d3-geo and the Natural Earth shapes) loads only when the user asks for it.
const WorldMap = lazy(() => import('../components/dashboard/WorldMap'));

const TargetsDocument = graphql(`
  query Targets($filter: TargetFilter, $orderBy: TargetOrder!) {
    targets(filter: $filter, orderBy: $orderBy, first: 200) {
      totalCount
      edges {
        node {
          rank
          score
          lastContactOn
          openObstacles
          surveyNoObstacle
          surveyObstacles
          reasons {
            factor
            detail
            points
          }
          state {
            iso3
            name
            m49Code
            regionalGroup
            subregion
            treatyStatus
            ratificationStage
            signatureDate
            withdrawalDate
            votingRecord {
              yesShare
              yes
              total
              consecutiveYes
              lastChoice
            }
          }
        }
      }
    }
  }
`);

const CreateGroupingDocument = graphql(`
  mutation CreateGroupingFromTargets($input: CreateGroupingInput!) {
    createGrouping(input: $input) {
      id
      name
    }
  }
`);

/** Saves the States listed as a new grouping. */
function SaveAsGrouping({ iso3s, onClose }: { iso3s: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const form = useFormWrite({}, ['name', 'description']);
  const { errors, other } = form;
  const [{ fetching }, create] = useMutation(CreateGroupingDocument);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    let saved: string | undefined;
    const done = await form.run(name.trim() ? {} : { name: t('common.required') }, async () => {
      const result = await create({ input: { name: name.trim(), description: description.trim() || undefined, stateIso3s: iso3s } });
      saved = result.data?.createGrouping.name;
      return result;
    });
    if (!done) return;
    notifications.show({ message: t('targets.groupingSaved', { name: saved, count: iso3s.length }) });
    onClose();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text size="sm">{t('targets.groupingIntro', { count: iso3s.length })}</Text>
        <TextInput
          label={t('targets.groupingName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Textarea
          label={t('targets.groupingDescription')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        {other.map((message) => (
          <Alert key={message} color="red" role="alert">
            {message}
          </Alert>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Downloads `/exports/targets.csv` for the same filters, with the session's token. */
async function downloadCsv(query: TargetQuery): Promise<void> {
  const token = getToken();
  const response = await fetch(exportUrl(query), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `${response.status} ${response.statusText}`);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'targets.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function TargetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [query, onChange] = useSearchState(filtersFromSearch, searchFromFilters);
  const variables = useMemo(() => ({ filter: query.filter, orderBy: query.orderBy }), [query]);
  const [{ data, fetching, error }] = useQuery({ query: TargetsDocument, variables });
  const targets = useMemo(() => data?.targets.edges.map((edge) => edge.node) ?? [], [data]);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<string | null>('table');
  const names = useStateNames();
  const mapStates = useMemo(
    () => (view === 'map' ? targets.map(({ state }) => ({ ...state, name: names.name(state.iso3, state.name) })) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- names changes with its language (names.language)
    [view, targets, names.language],
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadCsv(query);
    } catch (failure) {
      notifications.show({ color: 'red', message: t('errors.generic', { message: (failure as Error).message }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Title order={1}>{t('targets.title')}</Title>
      <Text c="dimmed" mb="md">
        {t('targets.intro')}
      </Text>
      <TargetFiltersPanel query={query} onChange={onChange} />
      <Group mt="md" justify="space-between">
        <Text role="status" aria-live="polite">
          {data ? t('targets.count', { count: data.targets.totalCount }) : ''}
          {fetching && <Loader size="xs" ml="xs" aria-label={t('app.loading')} />}
        </Text>
        <Group>
          <Button variant="default" onClick={() => void exportCsv()} loading={exporting} disabled={!data}>
            {t('targets.exportCsv')}
          </Button>
          {can.write && (
            <Button
              variant="default"
              component={Link}
              to={`/campaigns/new?${new URLSearchParams([['from', 'targets'], ...new URLSearchParams(searchFromFilters(query))])}`}
              disabled={!targets.length}
            >
              {t('targets.createCampaign')}
            </Button>
          )}
          {can.write && (
            <Button variant="default" onClick={() => setSaving(true)} disabled={!targets.length}>
              {t('targets.saveAsGrouping')}
            </Button>
          )}
        </Group>
      </Group>
      {error && (
        <Alert color="red" mt="md" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {data && (
        <Tabs value={view} onChange={setView} mt="md" keepMounted={false}>
          <Tabs.List aria-label={t('targets.views')}>
            <Tabs.Tab value="table">{t('targets.viewTable')}</Tabs.Tab>
            <Tabs.Tab value="map">{t('targets.viewMap')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="table">
            <TargetsTable targets={targets} caption={t('targets.caption')} />
          </Tabs.Panel>
          <Tabs.Panel value="map" pt="sm">
            <Suspense fallback={<PageLoader />}>
              <WorldMap states={mapStates} label={(mode) => t('targets.mapLabel', { count: mapStates.length, mode })} />
            </Suspense>
          </Tabs.Panel>
        </Tabs>
      )}
      <Modal
        lockScroll={false}
        opened={saving}
        onClose={() => setSaving(false)}
        title={t('targets.saveAsGrouping')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {saving && <SaveAsGrouping iso3s={targets.map((target) => target.state.iso3)} onClose={() => setSaving(false)} />}
      </Modal>
    </>
  );
}
