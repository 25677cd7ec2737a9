import { Alert, Anchor, Badge, Button, Group, Loader, MultiSelect, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import {
  ACTIVITY_KINDS,
  ACTIVITY_REGIONS,
  filtersFromParams,
  filtersToParams,
  isUnread,
  itemLink,
  mergeEntries,
  newestAt,
  type ActivityFilters,
} from '../activity/feed';
import { graphql } from '../gql';
import type { ActivityPageFeedQuery, ActivityPageLiveSubscription } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useStateNames } from '../lib/stateNames';
import { useSearchState } from '../lib/useSearchState';

const PAGE = 30;

const ActivityPageFeedDocument = graphql(`
  query ActivityPageFeed($filter: ActivityFilter, $first: Int) {
    activityFeed(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          kind
          summary
          subjectId
          eventId
          occurredAt
          actor {
            id
            displayName
          }
          organization {
            id
            name
          }
          states {
            iso3
            name
          }
        }
      }
    }
  }
`);

const ActivityPageLiveDocument = graphql(`
  subscription ActivityPageLive($filter: ActivityFilter) {
    activityAdded(filter: $filter) {
      id
      kind
      summary
      subjectId
      eventId
      occurredAt
      actor {
        id
        displayName
      }
      organization {
        id
        name
      }
      states {
        iso3
        name
      }
    }
  }
`);

const ActivityReadAtDocument = graphql(`
  query ActivityReadAt {
    activityReadAt
  }
`);

const MarkActivityReadDocument = graphql(`
  mutation MarkActivityRead($upTo: DateTime) {
    markActivityRead(upTo: $upTo)
  }
`);

const ActivityStatesDocument = graphql(`
  query ActivityStates {
    states(first: 200) {
      edges {
        node {
          iso3
          name
        }
      }
    }
  }
`);

type Entry = ActivityPageFeedQuery['activityFeed']['edges'][number]['node'];

function Filters({ filters, onChange }: { filters: ActivityFilters; onChange: (next: ActivityFilters) => void }) {
  const { t } = useTranslation();
  const names = useStateNames();
  const [{ data }] = useQuery({ query: ActivityStatesDocument });
  const states = useMemo(
    () =>
      (data?.states.edges ?? [])
        .map(({ node }) => ({ value: node.iso3, label: names.name(node.iso3, node.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, names.language)),
    [data, names],
  );
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <form role="search" aria-label={t('activity.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="grid grid-filters">
        <MultiSelect
          label={t('activity.states')}
          data={states}
          value={filters.stateIso3s ?? []}
          onChange={(value) => onChange({ ...filters, stateIso3s: value })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('activity.regions')}
          data={options(ACTIVITY_REGIONS, 'regionalGroup')}
          value={filters.regionalGroups ?? []}
          onChange={(value) => onChange({ ...filters, regionalGroups: value as ActivityFilters['regionalGroups'] })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('activity.kinds')}
          data={options(ACTIVITY_KINDS, 'activityKind')}
          value={filters.kinds ?? []}
          onChange={(value) => onChange({ ...filters, kinds: value as ActivityFilters['kinds'] })}
          searchable
          clearable
        />
      </div>
    </form>
  );
}

function EntryItem({ entry, unread }: { entry: Entry; unread: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const link = itemLink(entry);
  return (
    <li className={unread ? 'activity-entry unread' : 'activity-entry'} data-kind={entry.kind}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {unread && (
          <Badge size="sm" variant="filled" color="blue.9" className="activity-new">
            {t('activity.new')}
          </Badge>
        )}
        <div>
          <Text size="sm">
            {link ? (
              <Anchor component={Link} to={link}>
                {entry.summary}
              </Anchor>
            ) : (
              entry.summary
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`activityKind.${entry.kind}`)} · <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
            {entry.actor && ` · ${t('activity.by', { name: entry.actor.displayName, organization: entry.organization?.name ?? '' })}`}
            {entry.states.length > 0 && ' · '}
            {entry.states.map((s, i) => (
              <span key={s.iso3}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/states/${s.iso3}`} size="xs" underline="always">
                  {names.name(s.iso3, s.name)}
                </Anchor>
              </span>
            ))}
          </Text>
        </div>
      </Group>
    </li>
  );
}

/** The feed for one set of filters: the pages read, then what arrives live; unread since `readAt`. */
function Feed({
  filters,
  readAt,
  onShown,
}: {
  filters: ActivityFilters;
  readAt: string | null;
  onShown: (upTo: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [count, setCount] = useState(PAGE);
  const filter = Object.keys(filters).length ? filters : null;
  const [{ data, fetching, error }] = useQuery({
    query: ActivityPageFeedDocument,
    variables: { filter, first: count },
    requestPolicy: 'network-only',
  });
  const [{ data: live }] = useSubscription<ActivityPageLiveSubscription, Entry[]>(
    { query: ActivityPageLiveDocument, variables: { filter } },
    (previous = [], event) => [event.activityAdded, ...previous],
  );
  const entries = useMemo(() => mergeEntries(live ?? [], data?.activityFeed.edges.map((e) => e.node) ?? []), [live, data]);
  const unread = entries.filter((entry) => isUnread(entry, readAt)).length;
  const newest = newestAt(entries);
  useEffect(() => {
    if (data) onShown(newest);
  }, [newest, data, onShown]);
  return (
    <>
      <Group mt="md" justify="space-between">
        <Text role="status" aria-live="polite" size="sm">
          {data && (unread > 0 ? t('activity.unread', { count: unread }) : t('activity.noUnread'))}
          {readAt && data && ` ${t('activity.lastVisit', { when: format.dateTime(readAt) })}`}
          {fetching && <Loader size="xs" ml="xs" aria-label={t('app.loading')} />}
        </Text>
        <Badge variant="filled" color="teal.9">
          {t('activity.live')}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" mt="md" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {data && entries.length === 0 && (
        <Text c="dimmed" mt="md">
          {t('activity.empty')}
        </Text>
      )}
      <ul className="feed-list activity-feed" aria-label={t('activity.title')} aria-live="polite" data-testid="activity-feed">
        {entries.map((entry) => (
          <EntryItem key={entry.id} entry={entry} unread={isUnread(entry, readAt)} />
        ))}
      </ul>
      {data?.activityFeed.pageInfo.hasNextPage && count < 200 && (
        <Button variant="default" mt="md" onClick={() => setCount((n) => Math.min(200, n + PAGE))}>
          {t('activity.more')}
        </Button>
      )}
    </>
  );
}

const serializeFilters = (filters: ActivityFilters) => filtersToParams(filters).toString();

/** What the user may see happening, live: the partners' home page. */
export default function ActivityPage() {
  const { t } = useTranslation();
  const [filters, onChange] = useSearchState(filtersFromParams, serializeFilters);
  // The last visit as it was when the page opened: entries newer than it stay marked while the page is open.
  const [{ data: read }] = useQuery({ query: ActivityReadAtDocument, requestPolicy: 'network-only' });
  const [readAt, setReadAt] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (read && readAt === undefined) setReadAt(read.activityReadAt ?? null);
  }, [read, readAt]);
  const [, markRead] = useMutation(MarkActivityReadDocument);
  const marked = useRef<string | null>(null);
  const unfiltered = Object.keys(filters).length === 0;
  // What the unfiltered feed has shown is read (an empty feed: up to now); a filtered view does not
  // mark what it hides.
  const onShown = useCallback(
    (upTo: string | undefined) => {
      if (!unfiltered) return;
      if (upTo === undefined) {
        if (marked.current === null) {
          marked.current = '';
          void markRead({});
        }
        return;
      }
      if (marked.current && Date.parse(marked.current) >= Date.parse(upTo)) return;
      marked.current = upTo;
      void markRead({ upTo });
    },
    [unfiltered, markRead],
  );
  const key = filtersToParams(filters).toString();
  return (
    <>
      <Title order={1}>{t('activity.title')}</Title>
      <Text c="dimmed" mb="md">
        {t('activity.intro')}
      </Text>
      <Filters filters={filters} onChange={onChange} />
      {readAt !== undefined && <Feed key={key} filters={filters} readAt={readAt} onShown={onShown} />}
    </>
  );
}
