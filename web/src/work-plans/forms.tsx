import { ActionIcon, Button, Group, MultiSelect, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import { useStateNames } from '../lib/stateNames';
import { METRICS } from './metrics';
import { useVersionedWrite } from './useVersionedWrite';
import '../i18n/later';

export interface IndicatorValues {
  description: string;
  metric: string | null;
  targetValue: number | '';
}

export interface ObjectiveValues {
  title: string;
  description: string;
  indicators: IndicatorValues[];
}

/** The indicators as the API takes them (IndicatorInput), the empty rows left out. */
export function indicatorInputs(indicators: IndicatorValues[]) {
  return indicators
    .filter((indicator) => indicator.description.trim())
    .map((indicator) => ({
      description: indicator.description.trim(),
      metric: (indicator.metric || null) as never,
      targetValue: indicator.targetValue === '' ? null : indicator.targetValue,
    }));
}

/**
 * An objective's title, description and indicators. `version` is null for a new one (no
 * optimistic locking); an edit sends the version it read and handles a CONFLICT.
 */
export function ObjectiveForm({
  initial,
  version,
  save,
  reload,
  onDone,
  onCancel,
}: {
  initial: ObjectiveValues;
  version: number | null;
  save: (values: ObjectiveValues, expectedVersion: number) => Promise<{ error?: { message?: string } | null }>;
  reload: () => Promise<number | null | undefined>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ObjectiveValues>(initial);
  const write = useVersionedWrite(['title', 'description', 'indicators'], (v) => save(values, v), reload, onDone);
  const setIndicator = (index: number, change: Partial<IndicatorValues>) =>
    setValues((current) => ({ ...current, indicators: current.indicators.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) {
      write.setErrors({ title: t('common.required') });
      return;
    }
    void write.submit(version ?? 0);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('workPlans.objectiveTitle')}
          required
          value={values.title}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setValues((current) => ({ ...current, title }));
          }}
          error={write.errors.title}
          data-autofocus
        />
        <Textarea
          label={t('workPlans.objectiveDescription')}
          value={values.description}
          onChange={(e) => {
            const description = e.currentTarget.value;
            setValues((current) => ({ ...current, description }));
          }}
          error={write.errors.description}
          autosize
          minRows={2}
        />
        <fieldset className="indicator-fieldset">
          <legend>{t('workPlans.indicators')}</legend>
          {!values.indicators.length && (
            <Text size="sm" c="dimmed">
              {t('workPlans.noIndicators')}
            </Text>
          )}
          {values.indicators.map((indicator, index) => (
            <Group key={index} align="flex-end" wrap="nowrap" className="indicator-row">
              <TextInput
                label={t('workPlans.indicatorDescription', { number: index + 1 })}
                value={indicator.description}
                onChange={(e) => setIndicator(index, { description: e.currentTarget.value })}
                className="indicator-description"
              />
              <Select
                label={t('workPlans.indicatorMetric', { number: index + 1 })}
                placeholder={t('workPlans.noMetric')}
                data={METRICS.map((value) => ({ value, label: t(`workPlans.metric.${value}`) }))}
                value={indicator.metric}
                onChange={(metric) => setIndicator(index, { metric })}
                clearable
              />
              <NumberInput
                label={t('workPlans.indicatorTarget', { number: index + 1 })}
                value={indicator.targetValue}
                min={0}
                allowDecimal={false}
                onChange={(value) => setIndicator(index, { targetValue: typeof value === 'number' ? value : '' })}
                className="indicator-target"
              />
              <ActionIcon
                variant="default"
                size="lg"
                mb={2}
                aria-label={t('workPlans.removeIndicator', { number: index + 1 })}
                onClick={() => setValues((current) => ({ ...current, indicators: current.indicators.filter((_, i) => i !== index) }))}
              >
                <span aria-hidden>×</span>
              </ActionIcon>
            </Group>
          ))}
          {write.errors.indicators && (
            <Text size="sm" c="red" role="alert">
              {write.errors.indicators}
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            mt="xs"
            onClick={() =>
              setValues((current) => ({
                ...current,
                indicators: [...current.indicators, { description: '', metric: null, targetValue: '' }],
              }))
            }
          >
            {t('workPlans.addIndicator')}
          </Button>
        </fieldset>
        <ErrorList messages={write.other} />
        {write.conflict && (
          <ConflictAlert error={write.conflict} onReapply={() => void write.reapply()} onDiscard={write.discard} busy={write.busy} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={write.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export const ACTIVITY_KINDS = [
  'BILATERAL_MEETING',
  'DEMARCHE',
  'EVENT',
  'LETTER_CAMPAIGN',
  'WORKSHOP',
  'REPORT',
  'REVIEW',
  'OTHER',
] as const;
export const ACTIVITY_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;

export interface ActivityValues {
  title: string;
  kind: string;
  status: string;
  plannedOn: string;
  plannedUntil: string;
  notes: string;
  /** The States it concerns, with their names as the service gave them. */
  states: { iso3: string; name: string }[];
}

const ActivityStateSearchDocument = graphql(`
  query ActivityStateSearch($search: String!) {
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

/** A planned activity's fields; an edit sends the version it read and handles a CONFLICT. */
export function ActivityForm({
  initial,
  version,
  save,
  reload,
  onDone,
  onCancel,
}: {
  initial: ActivityValues;
  version: number | null;
  save: (values: ActivityValues, expectedVersion: number) => Promise<{ error?: { message?: string } | null }>;
  reload: () => Promise<number | null | undefined>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ActivityValues>(initial);
  const set = (field: Exclude<keyof ActivityValues, 'states'>, value: string) => setValues((current) => ({ ...current, [field]: value }));
  const write = useVersionedWrite(
    ['title', 'kind', 'status', 'plannedOn', 'plannedUntil', 'notes', 'stateIso3s'],
    (v) => save(values, v),
    reload,
    onDone,
  );
  // States: type-ahead on the service's search (name or ISO code), as when logging an interaction.
  const names = useStateNames();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [{ data: found }] = useQuery({ query: ActivityStateSearchDocument, variables: { search: debounced }, pause: debounced.length < 1 });
  const [known, setKnown] = useState(() => new Map(initial.states.map((state) => [state.iso3, state.name])));
  const stateOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const state of values.states) options.set(state.iso3, names.name(state.iso3, state.name));
    for (const edge of found?.states.edges ?? []) options.set(edge.node.iso3, names.name(edge.node.iso3, edge.node.name));
    return [...options].map(([value, label]) => ({ value, label: `${label} (${value})` }));
  }, [found, values.states, names]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.title.trim()) missing.title = t('common.required');
    if (!values.plannedOn) missing.plannedOn = t('common.required');
    if (Object.keys(missing).length) {
      write.setErrors(missing);
      return;
    }
    void write.submit(version ?? 0);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('workPlans.activityTitle')}
          required
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={write.errors.title}
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label={t('workPlans.activityKind')}
            data={ACTIVITY_KINDS.map((value) => ({ value, label: t(`workPlans.kind.${value}`) }))}
            value={values.kind}
            onChange={(value) => value && set('kind', value)}
            allowDeselect={false}
            error={write.errors.kind}
          />
          <Select
            label={t('workPlans.activityStatus')}
            data={ACTIVITY_STATUSES.map((value) => ({ value, label: t(`workPlans.status.${value}`) }))}
            value={values.status}
            onChange={(value) => value && set('status', value)}
            allowDeselect={false}
            error={write.errors.status}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('workPlans.plannedOn')}
            type="date"
            required
            value={values.plannedOn}
            onChange={(e) => set('plannedOn', e.currentTarget.value)}
            error={write.errors.plannedOn}
          />
          <TextInput
            label={t('workPlans.plannedUntil')}
            type="date"
            value={values.plannedUntil}
            onChange={(e) => set('plannedUntil', e.currentTarget.value)}
            error={write.errors.plannedUntil}
          />
        </Group>
        <MultiSelect
          label={t('workPlans.activityStates')}
          description={t('logForm.statesHelp')}
          searchable
          data={stateOptions}
          value={values.states.map((state) => state.iso3)}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          onChange={(iso3s) => {
            const next = new Map(known);
            for (const edge of found?.states.edges ?? []) next.set(edge.node.iso3, edge.node.name);
            setKnown(next);
            setValues((current) => ({ ...current, states: iso3s.map((iso3) => ({ iso3, name: next.get(iso3) ?? iso3 })) }));
            setSearch('');
          }}
          nothingFoundMessage={debounced ? t('logForm.noState') : t('logForm.typeToSearch')}
          error={write.errors.stateIso3s}
        />
        <Textarea
          label={t('workPlans.notes')}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={write.errors.notes}
          autosize
          minRows={2}
        />
        <ErrorList messages={write.other} />
        {write.conflict && (
          <ConflictAlert error={write.conflict} onReapply={() => void write.reapply()} onDiscard={write.discard} busy={write.busy} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={write.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks before deleting; a CONFLICT (changed meanwhile) offers to reload and delete anyway. */
export function DeleteConfirm({
  question,
  version,
  remove,
  reload,
  onDone,
  onCancel,
}: {
  question: string;
  version: number;
  remove: (expectedVersion: number) => Promise<{ error?: { message?: string } | null }>;
  reload: () => Promise<number | null | undefined>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const write = useVersionedWrite([], remove, reload, onDone);
  return (
    <Stack>
      <Text>{question}</Text>
      <ErrorList messages={write.other} />
      {write.conflict && (
        <ConflictAlert error={write.conflict} onReapply={() => void write.reapply()} onDiscard={write.discard} busy={write.busy} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red.9" onClick={() => void write.submit(version)} loading={write.busy}>
          {t('workPlans.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
