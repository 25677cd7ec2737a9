import { Alert, Badge, Button, Group, Loader, Paper, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { useLogInteraction } from '../components/LogInteractionContext';
import { graphql } from '../gql';
import type { StatePageQuery } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { regionName } from '../lib/regions';
import { canEditInteraction } from '../lib/permissions';
import { useCan, useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { useFormWrite } from '../lib/useFormWrite';
import { explainStatus, votesOldestFirst } from '../state/explain';
import { Obstacles } from '../state/Obstacles';
import { Timeline } from '../state/Timeline';
import { WriteLetter } from '../state/WriteLetter';
import { FollowButton } from '../digest/FollowButton';
import { STAGES } from '../targets/filters';
import '../i18n/later';

const StatePageDocument = graphql(`
  query StatePage($iso3: String!) {
    state(iso3: $iso3) {
      iso3
      iso2
      name
      version
      regionalGroup
      subregion
      intermediateRegion
      treatyStatus
      statusAsOf
      signatureDate
      consentDate
      consentType
      entryIntoForceDate
      withdrawalDate
      ratificationStage
      lastInteractionOn
      votingRecord {
        yes
        no
        abstain
        nonVoting
        total
        yesShare
        consecutiveYes
        lastChoice
      }
      votes {
        choice
        resolution {
          symbol
          adoptedOn
        }
      }
      stageHistory {
        id
        from
        to
        changedAt
        note
        visibility
        changedBy {
          id
          displayName
        }
      }
      contacts {
        id
        title
        fullName
        position
        posting
        email
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
      obstacles {
        id
        version
        category
        description
        measures
        recordedOn
        resolvedOn
        status
        visibility
      }
      groupings {
        id
        name
        description
      }
    }
    followUps(first: 200) {
      edges {
        node {
          id
          version
          subject
          followUpOn
          type
          organization {
            id
          }
          states {
            iso3
          }
        }
      }
    }
  }
`);

const StateVersionDocument = graphql(`
  query StateVersion($iso3: String!) {
    state(iso3: $iso3) {
      iso3
      version
    }
  }
`);

const SetStageDocument = graphql(`
  mutation SetRatificationStage($iso3: String!, $stage: RatificationStage!, $note: String, $visibility: Visibility, $expectedVersion: Int) {
    setRatificationStage(iso3: $iso3, stage: $stage, note: $note, visibility: $visibility, expectedVersion: $expectedVersion) {
      iso3
      version
      ratificationStage
    }
  }
`);

const MarkDoneDocument = graphql(`
  mutation MarkFollowUpDone($id: ID!, $expectedVersion: Int) {
    markFollowUpDone(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      followUpDone
    }
  }
`);

const StatesListDocument = graphql(`
  query StatesList($search: String) {
    states(filter: { search: $search }, first: 200) {
      totalCount
      edges {
        node {
          iso3
          name
          regionalGroup
          subregion
          treatyStatus
          ratificationStage
        }
      }
    }
  }
`);

type StateData = NonNullable<StatePageQuery['state']>;

const VOTE_MARK: Record<string, string> = { YES: '✓', NO: '✗', ABSTAIN: '–', NON_VOTING: '○' };

function TreatySection({ state }: { state: StateData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const explanation = explainStatus(state);
  const values = Object.fromEntries(Object.entries(explanation.values).map(([key, value]) => [key, format.date(value)]));
  const rows: [string, string | null | undefined][] = [
    [t('treaty.signed'), state.signatureDate],
    [state.consentType ? t(`treaty.consent.${state.consentType}`) : t('treaty.deposited'), state.consentDate],
    [t('treaty.inForce'), state.entryIntoForceDate],
    [t('treaty.withdrawn'), state.withdrawalDate],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="treaty-title">
      <Title order={2} id="treaty-title" size="h3">
        {t('treaty.title')}
      </Title>
      <Badge mt="xs" size="lg" variant="light">
        {t(`treatyStatus.${state.treatyStatus}`)}
      </Badge>
      <dl className="facts">
        {rows
          .filter(([, date]) => date)
          .map(([label, date]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{format.date(date)}</dd>
            </div>
          ))}
      </dl>
      <Text size="sm">{t(explanation.key, values)}</Text>
      {state.statusAsOf && (
        <Text size="xs" c="dimmed">
          {t('treaty.recordOf', { date: format.date(state.statusAsOf) })}
        </Text>
      )}
    </Paper>
  );
}

function VotesSection({ state }: { state: StateData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = state.votingRecord;
  const votes = useMemo(() => votesOldestFirst(state.votes), [state.votes]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="votes-title">
      <Title order={2} id="votes-title" size="h3">
        {t('votes.title')}
      </Title>
      {votes.length === 0 ? (
        <Text c="dimmed">{t('votes.none')}</Text>
      ) : (
        <ol className="vote-row" aria-label={t('votes.rowLabel')}>
          {votes.map((vote) => (
            <li
              key={vote.resolution.symbol}
              className={`vote vote-${vote.choice.toLowerCase()}`}
              title={`${vote.resolution.symbol} (${format.date(vote.resolution.adoptedOn)})`}
            >
              <span aria-hidden>{VOTE_MARK[vote.choice]}</span>
              <span className="vote-symbol">{vote.resolution.symbol.replace('A/RES/', '')}</span>
              <span className="visually-hidden">
                {vote.resolution.symbol}: {t(`vote.${vote.choice}`)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <Text size="sm" mt="xs">
        {t('votes.summary', {
          share: format.percent(record.yesShare),
          yes: record.yes,
          total: record.total,
          no: record.no,
          abstain: record.abstain,
          absent: record.nonVoting,
        })}
      </Text>
      <Text size="sm">{t('votes.streak', { count: record.consecutiveYes })}</Text>
    </Paper>
  );
}

function SetStageForm({ state, onDone }: { state: StateData; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const form = useFormWrite<{ stage: string; note: string; visibility: string }>(
    { stage: state.ratificationStage, note: '', visibility: 'COORDINATORS' },
    ['stage', 'note', 'visibility'],
  );
  const { values, set, errors, other, conflict, busy } = form;
  const [, setStageMutation] = useMutation(SetStageDocument);
  const send = (expectedVersion: number) =>
    setStageMutation({
      iso3: state.iso3,
      stage: values.stage as never,
      note: values.note.trim() || undefined,
      visibility: values.visibility as never,
      expectedVersion,
    });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run({}, () => send(state.version))) onDone();
  };
  const reapply = async () => {
    const reload = async () =>
      (await client.query(StateVersionDocument, { iso3: state.iso3 }, { requestPolicy: 'network-only' }).toPromise()).data?.state;
    if (await form.reapply(reload, send)) onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('stagePanel.set')}>
      <Stack gap="xs" mt="xs">
        <Select
          label={t('stagePanel.newStage')}
          data={STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
          value={values.stage}
          allowDeselect={false}
          onChange={(value) => value && set('stage', value)}
          error={errors.stage}
        />
        <Textarea
          label={t('stagePanel.note')}
          value={values.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={errors.note}
        />
        <Radio.Group
          label={t('stagePanel.noteVisibility')}
          value={values.visibility}
          onChange={(value) => set('visibility', value)}
          error={errors.visibility}
        >
          <Group mt="xs">
            {(['ORGANIZATION', 'COORDINATORS', 'SHARED'] as const).map((value) => (
              <Radio key={value} value={value} label={t(`visibility.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onDone} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('stagePanel.set')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StageSection({ state }: { state: StateData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [setting, setSetting] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stage-title">
      <Group justify="space-between">
        <Title order={2} id="stage-title" size="h3">
          {t('stagePanel.title')}
        </Title>
        {can.write && !setting && (
          <Button size="xs" variant="default" onClick={() => setSetting(true)}>
            {t('stagePanel.set')}
          </Button>
        )}
      </Group>
      <Badge mt="xs" size="lg" variant="light" color="grape">
        {t(`stage.${state.ratificationStage}`)}
      </Badge>
      {setting && <SetStageForm state={state} onDone={() => setSetting(false)} />}
      {state.stageHistory.length > 0 && (
        <ol className="plain-list" aria-label={t('stagePanel.history')}>
          {state.stageHistory.map((change) => (
            <li key={change.id}>
              <Text size="sm">
                <time dateTime={change.changedAt}>{format.date(change.changedAt.slice(0, 10))}</time> ·{' '}
                {change.from
                  ? t('stagePanel.move', { from: t(`stage.${change.from}`), to: t(`stage.${change.to}`) })
                  : t('stagePanel.start', { to: t(`stage.${change.to}`) })}
                {change.changedBy ? ` · ${change.changedBy.displayName}` : ''}
              </Text>
              {change.note && (
                <Text size="sm" c="dimmed">
                  {change.note}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
    </Paper>
  );
}

function ContactsSection({ state }: { state: StateData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  return (
    <section aria-labelledby="contacts-title">
      <Title order={2} id="contacts-title" size="h3">
        {t('contactsPage.title')}
      </Title>
      {state.contacts.length === 0 && <Text c="dimmed">{t('contactsPage.none')}</Text>}
      <ul className="plain-list">
        {state.contacts.map((contact) => (
          <li key={contact.id}>
            <Text>
              <Link to={`/contacts/${contact.id}`}>{[contact.title, contact.fullName].filter(Boolean).join(' ')}</Link>
              {contact.position ? ` — ${contact.position}` : ''}
              {contact.posting ? ` (${t(`posting.${contact.posting}`)})` : ''}
            </Text>
            {contact.postings.length > 0 && (
              <ul className="postings">
                {contact.postings.map((posting) => (
                  <li key={posting.id}>
                    <Text size="sm" c="dimmed">
                      {posting.to
                        ? t('postings.between', { from: format.date(posting.from), to: format.date(posting.to) })
                        : t('postings.since', { from: format.date(posting.from) })}
                      {': '}
                      {[
                        posting.position,
                        posting.posting ? t(`posting.${posting.posting}`) : null,
                        posting.state ? names.name(posting.state.iso3, posting.state.name) : posting.organization?.name,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FollowUpsSection({ iso3, followUps }: { iso3: string; followUps: StatePageQuery['followUps']['edges'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { viewer } = useSession();
  const [, markDone] = useMutation(MarkDoneDocument);
  const [failure, setFailure] = useState<string[]>([]);
  const mine = followUps.map((edge) => edge.node).filter((node) => node.states.some((s) => s.iso3 === iso3));
  const todayIso = new Date().toISOString().slice(0, 10);
  const markItemDone = async (item: (typeof mine)[number]) => {
    const result = await markDone({ id: item.id, expectedVersion: item.version }, { additionalTypenames: ['Interaction'] });
    setFailure(result.error ? [errorMessage(result.error) ?? ''] : []);
  };
  return (
    <section aria-labelledby="followups-title">
      <Title order={2} id="followups-title" size="h3">
        {t('statePage.followUps')}
      </Title>
      {mine.length === 0 && <Text c="dimmed">{t('statePage.noFollowUps')}</Text>}
      <ul className="plain-list">
        {mine.map((item) => (
          <li key={item.id}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                <strong>{format.date(item.followUpOn)}</strong>
                {item.followUpOn && item.followUpOn < todayIso ? ` (${t('statePage.overdue')})` : ''} — {item.subject}
              </Text>
              {canEditInteraction(viewer, item) && (
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('statePage.markDoneFor', { subject: item.subject })}
                  onClick={() => void markItemDone(item)}
                >
                  {t('statePage.markDone')}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </ul>
      <ErrorList messages={failure} />
    </section>
  );
}

function StateDetail({ iso3 }: { iso3: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useStateNames();
  const format = useFormat();
  const { open } = useLogInteraction();
  const context = useMemo(() => ({ additionalTypenames: ['Interaction', 'Obstacle', 'StageChange', 'Contact'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: StatePageDocument, variables: { iso3 }, context });
  const state = data?.state;
  if (!data && fetching) return <Loader aria-label={t('app.loading')} />;
  if (error && !data)
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  if (!state)
    return (
      <>
        <Title order={1}>{iso3}</Title>
        <Alert mt="md">{t('statePage.unknown')}</Alert>
      </>
    );
  const name = names.name(state.iso3, state.name);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{name}</Title>
          <Text c="dimmed">
            {[
              state.iso3,
              state.regionalGroup ? t(`regionalGroup.${state.regionalGroup}`) : null,
              regionName(t, state.subregion),
              regionName(t, state.intermediateRegion),
            ]
              .filter(Boolean)
              .join(' · ')}
            {state.lastInteractionOn ? ` · ${t('statePage.lastContact', { date: format.date(state.lastInteractionOn) })}` : ''}
          </Text>
        </div>
        <Group>
          <FollowButton iso3={state.iso3} name={name} />
          <Button onClick={() => open({ stateIso3s: [state.iso3] })}>{t('statePage.logHere', { name })}</Button>
        </Group>
      </Group>
      <div className="grid grid-facts">
        <TreatySection state={state} />
        <VotesSection state={state} />
        <StageSection state={state} />
      </div>
      <div className="grid grid-halves">
        <Stack gap="lg">
          <Timeline iso3={state.iso3} />
        </Stack>
        <Stack gap="lg">
          <FollowUpsSection iso3={state.iso3} followUps={data.followUps.edges} />
          <Obstacles iso3={state.iso3} obstacles={state.obstacles} />
          {can.write && (
            <section aria-labelledby="surveys-title">
              <Title order={2} id="surveys-title" size="h3">
                {t('surveys.title')}
              </Title>
              <Link to={`/surveys?state=${state.iso3}`}>{t('surveys.stateLink', { name })}</Link>
            </section>
          )}
          <ContactsSection state={state} />
          <WriteLetter iso3={state.iso3} contacts={state.contacts} />
          <section aria-labelledby="groupings-title">
            <Title order={2} id="groupings-title" size="h3">
              {t('statePage.groupings')}
            </Title>
            {state.groupings.length === 0 ? (
              <Text c="dimmed">{t('statePage.noGroupings')}</Text>
            ) : (
              <ul className="plain-list">
                {state.groupings.map((grouping) => (
                  <li key={grouping.id}>
                    <Link
                      to={`/targets?treatyStatuses=${['STATE_PARTY', 'DEPOSITED', 'SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN'].join(',')}&groupingIds=${grouping.id}`}
                    >
                      {grouping.name}
                    </Link>
                    {grouping.description ? (
                      <Text size="sm" c="dimmed">
                        {grouping.description}
                      </Text>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Stack>
      </div>
    </Stack>
  );
}

/** /states: every State, searchable, with its status and stage. */
function StatesList() {
  const { t } = useTranslation();
  const names = useStateNames();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [{ data }] = useQuery({ query: StatesListDocument, variables: { search: debounced || undefined } });
  return (
    <>
      <Title order={1}>{t('nav.states')}</Title>
      <TextInput mt="md" maw={400} label={t('statePage.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      {data && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('statePage.listCaption', { count: data.states.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('targets.col.state')}</th>
                <th scope="col">{t('statePage.regionalGroup')}</th>
                <th scope="col">{t('targets.col.subregion')}</th>
                <th scope="col">{t('targets.col.status')}</th>
                <th scope="col">{t('targets.col.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {data.states.edges.map(({ node }) => (
                <tr key={node.iso3}>
                  <th scope="row">
                    <Link to={`/states/${node.iso3}`}>{names.name(node.iso3, node.name)}</Link>
                  </th>
                  <td>{node.regionalGroup ? t(`regionalGroup.${node.regionalGroup}`) : ''}</td>
                  <td>{regionName(t, node.subregion)}</td>
                  <td>{t(`treatyStatus.${node.treatyStatus}`)}</td>
                  <td>{t(`stage.${node.ratificationStage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** /states (the list) and /states/:iso3 (one State). */
export default function StatePage() {
  const { iso3 } = useParams();
  return iso3 ? <StateDetail key={iso3} iso3={iso3.toUpperCase()} /> : <StatesList />;
}
