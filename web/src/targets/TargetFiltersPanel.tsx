import { Button, Group, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { regionName } from '../lib/regions';
import {
  REGIONAL_GROUPS,
  STAGES,
  TARGET_ORDERS,
  TREATY_STATUSES,
  VOTE_CHOICES,
  type TargetFilters,
  type TargetOrderValue,
  type TargetQuery,
} from './filters';

const FilterOptionsDocument = graphql(`
  query TargetFilterOptions {
    resolutions {
      symbol
      adoptedOn
    }
    groupings {
      id
      name
    }
    states(first: 200) {
      edges {
        node {
          iso3
          subregion
        }
      }
    }
  }
`);

/** The filter panel: one control per field of `TargetFilter`, and the order. */
export function TargetFiltersPanel({ query, onChange }: { query: TargetQuery; onChange: (next: TargetQuery) => void }) {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQuery({ query: FilterOptionsDocument });
  const { filter, orderBy } = query;
  const set = (patch: Partial<TargetFilters>) => onChange({ filter: { ...filter, ...patch }, orderBy });

  // The search is sent once typing pauses.
  const [search, setSearch] = useState(filter.search ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);
  useEffect(() => {
    if ((debounced.trim() || undefined) !== filter.search) set({ search: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sends the search when typing pauses, not when another filter changes
  }, [debounced]);

  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const subregions = useMemo(
    () =>
      [...new Set((data?.states.edges ?? []).map((edge) => edge.node.subregion).filter((s): s is string => !!s))]
        .map((value) => ({ value, label: regionName(t, value) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [data, t, i18n.language],
  );
  const resolutions = (data?.resolutions ?? []).map((r) => ({ value: r.symbol, label: r.symbol }));
  const groupings = (data?.groupings ?? []).map((g) => ({ value: g.id, label: g.name }));
  const obstacles = filter.hasOpenObstacles === undefined ? 'any' : filter.hasOpenObstacles ? 'yes' : 'no';

  return (
    <form role="search" aria-label={t('targets.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="grid grid-filters">
        <TextInput
          label={t('targets.search')}
          description={t('targets.searchHelp')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <MultiSelect
          label={t('targets.regionalGroups')}
          data={options(REGIONAL_GROUPS, 'regionalGroup')}
          value={filter.regionalGroups ?? []}
          onChange={(value) => set({ regionalGroups: value as TargetFilters['regionalGroups'] })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('targets.subregions')}
          data={subregions}
          value={filter.subregions ?? []}
          onChange={(value) => set({ subregions: value })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('targets.treatyStatuses')}
          placeholder={filter.treatyStatuses?.length ? undefined : t('targets.notPartyDefault')}
          data={options(TREATY_STATUSES, 'treatyStatus')}
          value={filter.treatyStatuses ?? []}
          onChange={(value) => set({ treatyStatuses: value as TargetFilters['treatyStatuses'] })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('targets.stages')}
          data={options(STAGES, 'stage')}
          value={filter.stages ?? []}
          onChange={(value) => set({ stages: value as TargetFilters['stages'] })}
          searchable
          clearable
        />
        <Select
          label={t('targets.votedOn')}
          placeholder={t('targets.newestResolution')}
          data={resolutions}
          value={filter.votedOn ?? null}
          onChange={(value) => set({ votedOn: value ?? undefined })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('targets.votes')}
          data={options(VOTE_CHOICES, 'vote')}
          value={filter.votes ?? []}
          onChange={(value) => set({ votes: value as TargetFilters['votes'] })}
          searchable
          clearable
        />
        <NumberInput
          label={t('targets.minYesShare')}
          suffix=" %"
          min={0}
          max={100}
          value={filter.minYesShare === undefined ? '' : Math.round(filter.minYesShare * 100)}
          onChange={(value) => set({ minYesShare: typeof value === 'number' ? Math.min(100, Math.max(0, value)) / 100 : undefined })}
        />
        <NumberInput
          label={t('targets.notContactedForDays')}
          min={0}
          allowDecimal={false}
          value={filter.notContactedForDays ?? ''}
          onChange={(value) => set({ notContactedForDays: typeof value === 'number' ? Math.max(0, value) : undefined })}
        />
        <Select
          label={t('targets.openObstacles')}
          data={[
            { value: 'any', label: t('targets.obstaclesAny') },
            { value: 'yes', label: t('targets.obstaclesYes') },
            { value: 'no', label: t('targets.obstaclesNo') },
          ]}
          value={obstacles}
          allowDeselect={false}
          onChange={(value) => set({ hasOpenObstacles: value === 'yes' ? true : value === 'no' ? false : undefined })}
        />
        <MultiSelect
          label={t('targets.groupings')}
          data={groupings}
          value={filter.groupingIds ?? []}
          onChange={(value) => set({ groupingIds: value })}
          searchable
          clearable
        />
        <Select
          label={t('targets.orderBy')}
          data={TARGET_ORDERS.map((value) => ({ value, label: t(`targets.order.${value}`) }))}
          value={orderBy}
          allowDeselect={false}
          onChange={(value) => onChange({ filter, orderBy: (value ?? 'SCORE') as TargetOrderValue })}
        />
      </div>
      <Group mt="sm">
        <Button variant="default" onClick={() => onChange({ filter: {}, orderBy: 'SCORE' })}>
          {t('targets.reset')}
        </Button>
      </Group>
    </form>
  );
}
