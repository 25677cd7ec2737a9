import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import { errorMessage, formProblems, type ErrorLike } from '../lib/errors';
import { today } from '../lib/format';
import { useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { searchFromFilters, type TargetQuery } from '../targets/filters';
import { addressees, recipientsInput, type RecipientContact } from './recipients';
import { useIdempotencyKey } from '../lib/useFormWrite';
import '../i18n/later';

const CampaignTargetsDocument = graphql(`
  query CampaignTargets($filter: TargetFilter, $orderBy: TargetOrder!) {
    targets(filter: $filter, orderBy: $orderBy, first: 200) {
      totalCount
      edges {
        node {
          state {
            iso3
            name
          }
        }
      }
    }
  }
`);

const CampaignStateSearchDocument = graphql(`
  query CampaignStateSearch($search: String!) {
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

const CampaignRecipientsDocument = graphql(`
  query CampaignRecipients($stateIso3s: [String!]!) {
    contacts(filter: { stateIso3s: $stateIso3s }, first: 200) {
      edges {
        node {
          id
          fullName
          position
          posting
          state {
            iso3
          }
        }
      }
    }
  }
`);

const CreateCampaignDocument = graphql(`
  mutation CreateLetterCampaign($input: CreateLetterCampaignInput!, $idempotencyKey: String) {
    createLetterCampaign(input: $input, idempotencyKey: $idempotencyKey) {
      id
      name
      version
    }
  }
`);

const VISIBILITIES = ['ORGANIZATION', 'COORDINATORS', 'SHARED'] as const;
const FIELDS = ['name', 'templateRef', 'subject', 'sendingDate', 'followUpOn', 'visibility', 'stateIso3s', 'targets', 'recipients'];

interface Values {
  name: string;
  templateRef: string;
  sendingDate: string;
  followUpOn: string;
  visibility: string;
  includesStatesParties: boolean;
}

/** One State's row of "who each letter goes to": by posting, or chosen by hand among its contacts. */
function RecipientRow({
  iso3,
  name,
  contacts,
  chosen,
  onChoose,
}: {
  iso3: string;
  name: string;
  contacts: (RecipientContact & { position?: string | null })[];
  chosen: { posting: string | null; contacts: RecipientContact[]; byHand: boolean };
  onChoose: (ids: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const described = (contact: RecipientContact & { position?: string | null }) =>
    [contact.fullName, contact.position, contact.posting ? t(`posting.${contact.posting}`) : null].filter(Boolean).join(' — ');
  return (
    <Table.Tr data-iso3={iso3}>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>
        {chosen.byHand ? (
          <Checkbox.Group
            label={t('campaigns.chooseFor', { state: name })}
            value={chosen.contacts.map((contact) => contact.id)}
            onChange={(ids) => onChoose(ids)}
          >
            <Stack gap={4} mt={4}>
              {contacts.map((contact) => (
                <Checkbox key={contact.id} value={contact.id} label={described(contact)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : chosen.contacts.length ? (
          <Text size="sm">
            {t('campaigns.byPosting', {
              names: chosen.contacts.map((contact) => contact.fullName).join(', '),
              posting: t(`posting.${chosen.posting}`),
            })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('campaigns.noContact')}
          </Text>
        )}
        {chosen.byHand && chosen.contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('campaigns.noneChosen')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {chosen.byHand ? (
          <Button size="xs" variant="default" onClick={() => onChoose(null)} aria-label={t('campaigns.usePostingFor', { state: name })}>
            {t('campaigns.usePosting')}
          </Button>
        ) : (
          contacts.length > 0 && (
            <Button
              size="xs"
              variant="default"
              onClick={() => onChoose(chosen.contacts.map((contact) => contact.id))}
              aria-label={t('campaigns.chooseByHandFor', { state: name })}
            >
              {t('campaigns.chooseByHand')}
            </Button>
          )
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A new letter campaign: to the States of a target list (the targets page's filters, in `fromTargets`)
 * or to States picked by hand, with whom each letter will go to shown (and changeable) before it is sent.
 */
export function CreateCampaign({ fromTargets }: { fromTargets: TargetQuery | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useStateNames();
  const { viewer } = useSession();
  const key = useIdempotencyKey();
  const [values, setValues] = useState<Values>({
    name: '',
    templateRef: '',
    sendingDate: today(),
    followUpOn: '',
    visibility: 'ORGANIZATION',
    includesStatesParties: false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [picked, setPicked] = useState<Map<string, string[]>>(new Map());
  const [, create] = useMutation(CreateCampaignDocument);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  };

  // The States: the target list's, or those picked by hand.
  const targetVariables = useMemo(
    () => (fromTargets ? { filter: fromTargets.filter, orderBy: fromTargets.orderBy } : undefined),
    [fromTargets],
  );
  const [{ data: targetData, fetching: targetsLoading, error: targetsError }] = useQuery({
    query: CampaignTargetsDocument,
    variables: targetVariables ?? { orderBy: 'SCORE' },
    pause: !fromTargets,
  });
  const [handIso3s, setHandIso3s] = useState<string[]>([]);
  const [stateNames, setStateNames] = useState<Map<string, string>>(new Map());
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [{ data: found }] = useQuery({
    query: CampaignStateSearchDocument,
    variables: { search: debounced },
    pause: !!fromTargets || !debounced,
  });
  const stateOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const iso3 of handIso3s) options.set(iso3, names.name(iso3, stateNames.get(iso3) ?? iso3));
    for (const { node } of found?.states.edges ?? []) options.set(node.iso3, names.name(node.iso3, node.name));
    return [...options].map(([value, label]) => ({ value, label: `${label} (${value})` }));
  }, [found, handIso3s, stateNames, names]);

  const states = useMemo(
    () =>
      fromTargets
        ? (targetData?.targets.edges.map(({ node }) => ({ iso3: node.state.iso3, name: names.name(node.state.iso3, node.state.name) })) ??
          [])
        : handIso3s.map((iso3) => ({ iso3, name: names.name(iso3, stateNames.get(iso3) ?? iso3) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- names changes with its language (names.language)
    [fromTargets, targetData, handIso3s, stateNames, names.language],
  );
  const iso3s = useMemo(() => states.map((state) => state.iso3), [states]);

  // Whom each letter goes to.
  const [{ data: contactData, fetching: contactsLoading }] = useQuery({
    query: CampaignRecipientsDocument,
    variables: { stateIso3s: iso3s },
    pause: !iso3s.length,
  });
  const contactsByState = useMemo(() => {
    const map = new Map<string, (RecipientContact & { position?: string | null })[]>();
    for (const { node } of contactData?.contacts.edges ?? []) {
      if (!node.state) continue;
      map.set(node.state.iso3, [...(map.get(node.state.iso3) ?? []), node]);
    }
    return map;
  }, [contactData]);
  const chosen = useMemo(() => addressees(iso3s, contactsByState, picked), [iso3s, contactsByState, picked]);
  const choose = (iso3: string, ids: string[] | null) =>
    setPicked((current) => {
      const next = new Map(current);
      if (ids === null) next.delete(iso3);
      else next.set(iso3, ids);
      return next;
    });

  const fail = (error: ErrorLike) => {
    const problems = formProblems(error, FIELDS);
    const fields = { ...problems.fields };
    // The States' problems (unknown, States Parties, an empty list) show beside the States.
    if (fields.targets) fields.stateIso3s = fields.targets;
    setErrors(fields);
    const shown = Object.keys(fields).filter((field) => field !== 'targets' && field !== 'recipients');
    const rest = [
      ...problems.other,
      ...(fields.recipients ? [fields.recipients] : []),
      ...(fromTargets && fields.stateIso3s ? [fields.stateIso3s] : []),
    ];
    setOther(rest.length || shown.length ? rest : [errorMessage(error) ?? '']);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setOther([]);
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = t('common.required');
    if (!values.templateRef.trim()) missing.templateRef = t('common.required');
    if (!values.sendingDate) missing.sendingDate = t('common.required');
    if (!iso3s.length) missing.stateIso3s = t('campaigns.noStates');
    if (Object.keys(missing).length) {
      setErrors(missing);
      if (fromTargets && missing.stateIso3s) setOther([missing.stateIso3s]);
      return;
    }
    setBusy(true);
    try {
      const result = await create(
        {
          idempotencyKey: key,
          input: {
            name: values.name.trim(),
            templateRef: values.templateRef.trim(),
            sendingDate: values.sendingDate,
            followUpOn: values.followUpOn || undefined,
            visibility: values.visibility as (typeof VISIBILITIES)[number],
            includesStatesParties: values.includesStatesParties || undefined,
            // The States as listed here: what the user saw is what is sent.
            stateIso3s: iso3s,
            recipients: recipientsInput(iso3s, picked),
          },
        },
        { additionalTypenames: ['LetterCampaign', 'Interaction'] },
      );
      if (result.error) return fail(result.error);
      void navigate(`/campaigns/${result.data!.createLetterCampaign.id}`);
    } finally {
      setBusy(false);
    }
  };

  const visibilities = viewer?.role === 'PARTNER' ? (['SHARED'] as const) : VISIBILITIES;
  const backToTargets = fromTargets ? `/targets?${searchFromFilters(fromTargets)}` : null;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-campaign-title">
      <Title order={1} id="new-campaign-title">
        {t('campaigns.newTitle')}
      </Title>
      <Text c="dimmed" mb="md">
        {fromTargets ? t('campaigns.fromTargetsIntro') : t('campaigns.byHandIntro')}
      </Text>
      <Stack>
        <Paper withBorder p="md" component="section" aria-labelledby="campaign-details">
          <Title order={2} size="h3" id="campaign-details">
            {t('campaigns.details')}
          </Title>
          <div className="grid grid-form">
            <TextInput
              label={t('campaigns.name')}
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label={t('campaigns.templateRef')}
              description={t('campaigns.templateRefHelp')}
              required
              value={values.templateRef}
              onChange={(e) => set('templateRef', e.currentTarget.value)}
              error={errors.templateRef}
            />
            <TextInput
              label={t('campaigns.sendingDate')}
              description={t('campaigns.sendingDateHelp')}
              type="date"
              required
              max={today()}
              value={values.sendingDate}
              onChange={(e) => set('sendingDate', e.currentTarget.value)}
              error={errors.sendingDate}
            />
            <TextInput
              label={t('campaigns.followUpOn')}
              description={t('campaigns.followUpOnHelp')}
              type="date"
              value={values.followUpOn}
              onChange={(e) => set('followUpOn', e.currentTarget.value)}
              error={errors.followUpOn}
            />
            <Select
              label={t('campaigns.visibility')}
              description={t(`visibility.help.${values.visibility}`)}
              data={visibilities.map((value) => ({ value, label: t(`visibility.${value}`) }))}
              value={values.visibility}
              onChange={(value) => value && set('visibility', value)}
              allowDeselect={false}
              error={errors.visibility}
            />
          </div>
          <Checkbox
            mt="sm"
            label={t('campaigns.includesStatesParties')}
            description={t('campaigns.includesStatesPartiesHelp')}
            checked={values.includesStatesParties}
            onChange={(e) => set('includesStatesParties', e.currentTarget.checked)}
          />
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="campaign-recipients">
          <Title order={2} size="h3" id="campaign-recipients">
            {t('campaigns.recipients')}
          </Title>
          {fromTargets ? (
            <Group gap="xs" mt="xs">
              <Text size="sm" role="status">
                {targetData ? t('campaigns.fromTargetsCount', { count: targetData.targets.totalCount }) : ''}
                {targetsLoading && <Loader size="xs" ml="xs" aria-label={t('app.loading')} />}
              </Text>
              {backToTargets && (
                <Anchor component={Link} to={backToTargets} size="sm">
                  {t('campaigns.backToTargets')}
                </Anchor>
              )}
            </Group>
          ) : (
            <MultiSelect
              mt="xs"
              label={t('campaigns.states')}
              description={t('campaigns.statesHelp')}
              required
              searchable
              data={stateOptions}
              value={handIso3s}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              onChange={(value) => {
                setStateNames((current) => {
                  const next = new Map(current);
                  for (const { node } of found?.states.edges ?? []) next.set(node.iso3, node.name);
                  return next;
                });
                setHandIso3s(value);
                setSearch('');
                setErrors((current) => ({ ...current, stateIso3s: '' }));
              }}
              nothingFoundMessage={debounced ? t('logForm.noState') : t('logForm.typeToSearch')}
              error={errors.stateIso3s || undefined}
            />
          )}
          {targetsError && (
            <Alert color="red" mt="sm" role="alert">
              {errorMessage(targetsError)}
            </Alert>
          )}
          <Text size="sm" c="dimmed" mt="xs">
            {t('campaigns.recipientsHelp')}
          </Text>
          {contactsLoading && <Loader size="xs" aria-label={t('app.loading')} />}
          {states.length > 0 && (
            <Table.ScrollContainer minWidth={500}>
              <Table mt="sm" className="recipients-table">
                <Table.Caption>{t('campaigns.recipientsCaption', { count: states.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('campaigns.state')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.addressedTo')}</Table.Th>
                    <Table.Th scope="col">{t('campaigns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {states.map((state) => (
                    <RecipientRow
                      key={state.iso3}
                      iso3={state.iso3}
                      name={state.name}
                      contacts={contactsByState.get(state.iso3) ?? []}
                      chosen={chosen.get(state.iso3)!}
                      onChoose={(ids) => choose(state.iso3, ids)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <ErrorList messages={other} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={backToTargets ?? '/campaigns'}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!states.length}>
            {t('campaigns.send', { count: states.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
