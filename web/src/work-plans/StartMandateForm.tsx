import { Alert, Button, Checkbox, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../lib/SessionContext';
import { useFormWrite, useIdempotencyKey } from '../lib/useFormWrite';
import '../i18n/later';

const OrganizationsDocument = graphql(`
  query MandateOrganizations {
    organizations {
      id
      name
    }
  }
`);

const StartMandateDocument = graphql(`
  mutation StartMandate($input: StartMandateInput!, $idempotencyKey: String) {
    startMandate(input: $input, idempotencyKey: $idempotencyKey) {
      id
      name
    }
  }
`);

export const MANDATE_VISIBILITIES = ['SHARED', 'COORDINATORS', 'MANDATE', 'ORGANIZATION'] as const;

/** The day after `date` (YYYY-MM-DD), the first day of the next mandate. */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A year after `date`, less a day: a year's period. */
function yearFrom(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d - 1)).toISOString().slice(0, 10);
}

export interface PreviousMandate {
  id: string;
  name: string;
  periodTo: string;
  visibility: string;
  organizations: { id: string }[];
}

/** Starts a mandate; with `previous`, the next one, which takes over its open items (hand-over). */
export function StartMandateForm({ previous, onClose }: { previous?: PreviousMandate; onClose: () => void }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [{ data: orgs }] = useQuery({ query: OrganizationsDocument });
  const start = previous ? dayAfter(previous.periodTo) : `${new Date().getUTCFullYear()}-01-01`;
  const [name, setName] = useState('');
  const [periodFrom, setFrom] = useState(start);
  const [periodTo, setTo] = useState(yearFrom(start));
  const [organizationIds, setOrganizations] = useState<string[]>(
    previous ? previous.organizations.map((o) => o.id) : viewer ? [viewer.organization.id] : [],
  );
  const [visibility, setVisibility] = useState<string>(previous?.visibility ?? 'SHARED');
  const [carryOver, setCarryOver] = useState(true);
  const form = useFormWrite({}, ['name', 'periodFrom', 'periodTo', 'organizationIds', 'visibility']);
  const { errors, other } = form;
  const idempotencyKey = useIdempotencyKey();
  const [{ fetching }, startMandate] = useMutation(StartMandateDocument);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('common.required');
    if (!periodFrom) missing.periodFrom = t('common.required');
    if (!periodTo) missing.periodTo = t('common.required');
    if (!organizationIds.length) missing.organizationIds = t('common.required');
    let id: string | undefined;
    const started = await form.run(missing, async () => {
      const result = await startMandate({
        idempotencyKey,
        input: {
          name: name.trim(),
          periodFrom,
          periodTo,
          organizationIds,
          visibility: visibility as never,
          ...(previous ? { previousMandateId: previous.id, carryOverActivities: carryOver } : {}),
        },
      });
      id = result.data?.startMandate.id;
      return result;
    });
    if (!started || !id) return;
    onClose();
    void navigate(`/work-plans/${id}`);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {previous && <Text size="sm">{t('workPlans.handOverIntro', { name: previous.name })}</Text>}
        <TextInput
          label={t('workPlans.name')}
          description={t('workPlans.nameHelp')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('workPlans.periodFrom')}
            type="date"
            required
            value={periodFrom}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={errors.periodFrom}
          />
          <TextInput
            label={t('workPlans.periodTo')}
            type="date"
            required
            value={periodTo}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={errors.periodTo}
          />
        </Group>
        <MultiSelect
          label={t('workPlans.organizations')}
          required
          searchable
          data={(orgs?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organizationIds}
          onChange={setOrganizations}
          error={errors.organizationIds}
        />
        <Select
          label={t('workPlans.visibilityLabel')}
          data={MANDATE_VISIBILITIES.map((value) => ({ value, label: t(`workPlans.visibility.${value}`) }))}
          value={visibility}
          onChange={(value) => value && setVisibility(value)}
          allowDeselect={false}
          error={errors.visibility}
        />
        {previous && (
          <Checkbox
            label={t('workPlans.carryOverActivities')}
            checked={carryOver}
            onChange={(e) => setCarryOver(e.currentTarget.checked)}
          />
        )}
        {other.filter(Boolean).map((message) => (
          <Alert key={message} color="red" role="alert">
            {message}
          </Alert>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {previous ? t('workPlans.startNext') : t('workPlans.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
