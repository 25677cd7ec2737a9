import { Anchor, Badge, Card, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { TimelineChart } from '../components/dashboard/TimelineChart';
import { TREATY_STATUSES } from '../components/dashboard/mapData';
import { PageLoader } from '../components/PageLoader';
import { itemLink } from '../activity/feed';
import { graphql } from '../gql';
import type { ActivityAddedSubscription, DashboardActivityQuery } from '../gql/graphql';
import { useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';

// The map (d3-geo, topojson-client, then the Natural Earth shapes) loads after the rest.
const WorldMap = lazy(() => import('../components/dashboard/WorldMap'));

const DashboardStatesDocument = graphql(`
  query DashboardStates($asOf: Date) {
    states(first: 200, filter: { asOf: $asOf }) {
      totalCount
      edges {
        node {
          iso3
          name
          m49Code
          regionalGroup
          treatyStatus
          ratificationStage
        }
      }
    }
  }
`);

const DashboardTimelineDocument = graphql(`
  query DashboardTimeline {
    treatyTimeline {
      regionalGroup
      points {
        date
        statesParties
        signatories
      }
    }
  }
`);

const DashboardWorkDocument = graphql(`
  query DashboardWork($dueBefore: Date) {
    followUps(dueBefore: $dueBefore, first: 50) {
      totalCount
      edges {
        node {
          id
          subject
          followUpOn
          author {
            id
          }
          states {
            iso3
            name
          }
        }
      }
    }
    awaitingReplies(first: 8) {
      totalCount
      edges {
        node {
          id
          subject
          occurredOn
          type
          states {
            iso3
            name
          }
        }
      }
    }
  }
`);

const DashboardActivityDocument = graphql(`
  query DashboardActivity {
    activityFeed(first: 10) {
      edges {
        node {
          id
          kind
          summary
          subjectId
          eventId
          occurredAt
          states {
            iso3
            name
          }
        }
      }
    }
  }
`);

const ActivityAddedDocument = graphql(`
  subscription ActivityAdded {
    activityAdded {
      id
      kind
      summary
      subjectId
      eventId
      occurredAt
      states {
        iso3
        name
      }
    }
  }
`);

type Activity = DashboardActivityQuery['activityFeed']['edges'][number]['node'];

/** ISO date of today (local), and `days` later. */
export function isoDay(offsetDays = 0, now = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The newest activity first, without duplicates: live events before the page read at load. */
export function mergeActivity(live: readonly Activity[], loaded: readonly Activity[], limit = 10): Activity[] {
  const seen = new Set<string>();
  const merged: Activity[] = [];
  for (const item of [...live, ...loaded]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    merged.push(item);
  }
  return merged.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0)).slice(0, limit);
}

function StatesLinks({ states }: { states: readonly { iso3: string; name: string }[] }) {
  const names = useStateNames();
  return (
    <>
      {states.map((s, i) => (
        <span key={s.iso3}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/states/${s.iso3}`} size="sm">
            {names.name(s.iso3, s.name)}
          </Anchor>
        </span>
      ))}
    </>
  );
}

/** An entry's summary, linked to the page of what it is about (see itemLink). */
function ActivityLink({ item }: { item: Activity }) {
  const link = itemLink(item);
  return link ? (
    <Anchor component={Link} to={link} size="sm">
      {item.summary}
    </Anchor>
  ) : (
    <>{item.summary}</>
  );
}

function LatestActivity() {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQuery({ query: DashboardActivityDocument });
  const [{ data: live }] = useSubscription<ActivityAddedSubscription, Activity[]>(
    { query: ActivityAddedDocument },
    (previous = [], event) => [event.activityAdded, ...previous],
  );
  const items = mergeActivity(live ?? [], data?.activityFeed.edges.map((e) => e.node) ?? []);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('dashboard.activity')}
        </Title>
        <Badge variant="filled" color="teal.9">
          {t('dashboard.live')}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('dashboard.noActivity')}
        </Text>
      ) : (
        <ul className="feed-list" aria-live="polite" data-testid="activity">
          {items.map((item) => (
            <li key={item.id}>
              <Text size="sm">
                <ActivityLink item={item} />
              </Text>
              <Text size="xs" c="dimmed">
                {when.format(new Date(item.occurredAt))} · <StatesLinks states={item.states} />
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function WorkLists() {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const [{ data }] = useQuery({ query: DashboardWorkDocument, variables: { dueBefore: isoDay(15) } });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const format = (iso: string) => date.format(Date.parse(`${iso}T00:00:00Z`));
  const today = isoDay();
  const mine = (data?.followUps.edges ?? [])
    .map((e) => e.node)
    .filter((n) => n.author.id === viewer?.id)
    .slice(0, 8);
  const awaiting = (data?.awaitingReplies.edges ?? []).map((e) => e.node);
  const days = (iso: string) => Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000));
  return (
    <>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('dashboard.followUps')}
        </Title>
        {mine.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t('dashboard.noFollowUps')}
          </Text>
        ) : (
          <ul className="feed-list">
            {mine.map((item) => (
              <li key={item.id}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">{item.subject}</Text>
                  {item.followUpOn && item.followUpOn < today ? (
                    <Badge color="red" variant="light">
                      {t('dashboard.overdue')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {item.followUpOn && t('dashboard.due', { date: format(item.followUpOn) })} · <StatesLinks states={item.states} />
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('dashboard.awaiting')}
        </Title>
        {awaiting.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t('dashboard.noAwaiting')}
          </Text>
        ) : (
          <ul className="feed-list">
            {awaiting.map((item) => (
              <li key={item.id}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">{item.subject}</Text>
                  <Text size="xs" c="dimmed">
                    {t('dashboard.daysWaiting', { days: days(item.occurredOn) })}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {format(item.occurredOn)} · <StatesLinks states={item.states} />
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const names = useStateNames();
  const [asOf, setAsOf] = useState(isoDay());
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : isoDay();
  const [{ data: statesData }] = useQuery({ query: DashboardStatesDocument, variables: { asOf: validDate } });
  const [{ data: timelineData }] = useQuery({ query: DashboardTimelineDocument });
  const states = useMemo(
    () => (statesData?.states.edges ?? []).map(({ node }) => ({ ...node, name: names.name(node.iso3, node.name) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- names changes with its language (names.language)
    [statesData, names.language],
  );
  const counts = useMemo(() => {
    const tally = new Map<string, number>();
    for (const state of states) tally.set(state.treatyStatus, (tally.get(state.treatyStatus) ?? 0) + 1);
    return tally;
  }, [states]);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('dashboard.title')}</Title>
        <TextInput
          type="date"
          label={t('dashboard.asOf')}
          description={t('dashboard.asOfHelp')}
          value={asOf}
          max="2100-12-31"
          min="2008-12-03"
          onChange={(event) => setAsOf(event.currentTarget.value)}
        />
      </Group>
      <section aria-labelledby="counts-title">
        <Title order={2} size="h4" id="counts-title" mb="xs">
          {t('dashboard.counts')}
        </Title>
        <div className="status-counts" data-testid="status-counts">
          {TREATY_STATUSES.map((status) => (
            <Paper key={status} withBorder p="sm">
              <Group gap="xs" wrap="nowrap">
                <span className={`legend-swatch fill-status-${status}`} aria-hidden />
                <Text size="sm">{t(`treatyStatus.${status}`)}</Text>
              </Group>
              <Text fw={700} size="xl" data-status={status}>
                {statesData ? number.format(counts.get(status) ?? 0) : '–'}
              </Text>
            </Paper>
          ))}
          <Paper withBorder p="sm">
            <Text size="sm">{t('dashboard.total')}</Text>
            <Text fw={700} size="xl">
              {statesData ? number.format(statesData.states.totalCount) : '–'}
            </Text>
          </Paper>
        </div>
      </section>
      <div className="dashboard-top">
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.map')}
          </Title>
          {statesData ? (
            <Suspense fallback={<PageLoader />}>
              <WorldMap states={states} />
            </Suspense>
          ) : (
            <PageLoader />
          )}
        </Card>
        <Stack gap="md">
          <WorkLists />
        </Stack>
      </div>
      <div className="dashboard-top">
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.timeline')}
          </Title>
          {timelineData ? <TimelineChart series={timelineData.treatyTimeline} /> : <PageLoader />}
        </Card>
        <LatestActivity />
      </div>
    </Stack>
  );
}
