import { Anchor, Button, Popover, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { BellLiveSubscription } from '../gql/graphql';
import { today } from '../lib/format';
import { useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';

const BellDocument = graphql(`
  query Bell($dueBefore: Date) {
    activityReadAt
    followUps(dueBefore: $dueBefore, first: 50) {
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
  }
`);

const BellActivityDocument = graphql(`
  query BellActivity($since: DateTime) {
    news: activityFeed(filter: { since: $since }, first: 1) {
      totalCount
    }
    replies: activityFeed(filter: { since: $since, kinds: [LETTER_REPLY_LOGGED, INTERACTION_UPDATED] }, first: 50) {
      edges {
        node {
          id
          summary
          interaction {
            id
            replyReceivedOn
            author {
              id
            }
            states {
              iso3
            }
          }
        }
      }
    }
  }
`);

const BellLiveDocument = graphql(`
  subscription BellLive {
    activityAdded {
      id
    }
  }
`);

/**
 * The bell in the header: my follow-ups that came due, replies recorded to my letters and new
 * activity since my last visit to the activity page, live. Its subscription keeps a socket open on
 * every page, so a session the service ends (account disabled, password reset) ends here at once.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const names = useStateNames();
  const location = useLocation();
  const [{ data }, refetch] = useQuery({ query: BellDocument, variables: { dueBefore: today() }, requestPolicy: 'network-only' });
  const since = data ? (data.activityReadAt ?? null) : undefined;
  const [{ data: activity }, refetchActivity] = useQuery({
    query: BellActivityDocument,
    variables: { since },
    pause: since === undefined,
    requestPolicy: 'network-only',
  });
  const [{ data: live }] = useSubscription<BellLiveSubscription, number>({ query: BellLiveDocument }, (count = 0) => count + 1);
  // Read again on each page change (visiting the activity page moves the last visit), and when something new arrives.
  useEffect(() => refetch({ requestPolicy: 'network-only' }), [location.pathname, refetch]);
  useEffect(() => {
    if (!live) return;
    refetch({ requestPolicy: 'network-only' });
    refetchActivity({ requestPolicy: 'network-only' });
  }, [live, refetch, refetchActivity]);
  const due = (data?.followUps.edges ?? []).map((e) => e.node).filter((n) => n.author.id === viewer?.id);
  const replies = (activity?.replies.edges ?? [])
    .map((e) => e.node)
    .filter((n) => n.interaction?.replyReceivedOn && n.interaction.author.id === viewer?.id);
  const onActivityPage = location.pathname === '/activity' || (location.pathname === '/' && viewer?.role === 'PARTNER');
  const news = onActivityPage ? 0 : (activity?.news.totalCount ?? 0);
  const total = due.length + replies.length + news;
  return (
    <Popover position="bottom-end" width={340} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm" aria-label={t('bell.label', { count: total })} data-testid="bell">
          <svg
            aria-hidden
            width="16"
            height="16"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
            <path d="M13.7 21a2 2 0 0 1-3.4 0" />
          </svg>
          {total > 0 && (
            <span aria-hidden className="bell-count">
              {total > 99 ? '99+' : total}
            </span>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" data-testid="bell-panel">
          <section>
            <Title order={2} size="h6">
              {t('bell.due', { count: due.length })}
            </Title>
            {due.slice(0, 5).map((item) => (
              <Text size="sm" key={item.id}>
                {item.states[0] ? (
                  <Anchor component={Link} to={`/states/${item.states[0].iso3}`}>
                    {item.subject} ({names.name(item.states[0].iso3, item.states[0].name)})
                  </Anchor>
                ) : (
                  item.subject
                )}
              </Text>
            ))}
          </section>
          <section>
            <Title order={2} size="h6">
              {t('bell.replies', { count: replies.length })}
            </Title>
            {replies.slice(0, 5).map((item) => (
              <Text size="sm" key={item.id}>
                {item.interaction?.states[0] ? (
                  <Anchor component={Link} to={`/states/${item.interaction.states[0].iso3}`}>
                    {item.summary}
                  </Anchor>
                ) : (
                  item.summary
                )}
              </Text>
            ))}
          </section>
          <section>
            <Title order={2} size="h6">
              {t('bell.news', { count: news })}
            </Title>
            <Anchor component={Link} to="/activity" size="sm">
              {t('bell.openActivity')}
            </Anchor>
          </section>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
