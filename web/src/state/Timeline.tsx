import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useLogInteraction } from '../components/LogInteractionContext';
import { graphql } from '../gql';
import { useFormat } from '../lib/format';
import { clampPaging, currentAfter, firstPage, nextPage, pageCount, pageNumber, pageRange, previousPage } from '../lib/paging';
import { canEditInteraction } from '../lib/permissions';
import { useSession } from '../lib/SessionContext';

export const TIMELINE_PAGE_SIZE = 10;

const TimelineDocument = graphql(`
  query StateTimeline($iso3: String!, $first: Int!, $after: String) {
    state(iso3: $iso3) {
      iso3
      interactions(first: $first, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          node {
            id
            version
            type
            occurredOn
            subject
            summary
            outcome
            followUpOn
            followUpDone
            awaitingReply
            visibility
            author {
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
            contacts {
              id
              fullName
            }
          }
        }
      }
    }
  }
`);

const VISIBILITY_COLOR: Record<string, string> = { ORGANIZATION: 'gray', COORDINATORS: 'blue', SHARED: 'green' };

/** A State's interactions, newest first, a page at a time, each with its visibility. */
export function Timeline({ iso3 }: { iso3: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { viewer } = useSession();
  const { open } = useLogInteraction();
  const [paging, setPaging] = useState(firstPage);
  useEffect(() => setPaging(firstPage()), [iso3]);
  const context = useMemo(() => ({ additionalTypenames: ['Interaction'] }), []);
  const [{ data, fetching }] = useQuery({
    query: TimelineDocument,
    variables: { iso3, first: TIMELINE_PAGE_SIZE, after: currentAfter(paging) },
    context,
  });
  const connection = data?.state?.interactions;
  const items = connection?.edges.map((edge) => edge.node) ?? [];
  const total = connection?.totalCount ?? 0;
  // After a deletion the current page may no longer exist.
  useEffect(() => {
    if (connection) setPaging((current) => clampPaging(current, connection.totalCount, TIMELINE_PAGE_SIZE));
  }, [connection]);
  const range = pageRange(paging, TIMELINE_PAGE_SIZE, items.length, total);

  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} id="timeline-title" size="h3">
        {t('statePage.interactions')}
      </Title>
      {connection && total === 0 && <Text c="dimmed">{t('statePage.noInteractions')}</Text>}
      <Stack gap="xs" mt="xs">
        <ol className="timeline" aria-busy={fetching}>
          {items.map((item) => (
            <li key={item.id}>
              <Paper withBorder p="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Text size="sm" c="dimmed">
                      <time dateTime={item.occurredOn}>{format.date(item.occurredOn)}</time> · {t(`interactionType.${item.type}`)} ·{' '}
                      {item.organization.name} ({item.author.displayName})
                    </Text>
                    <Text fw={600}>{item.subject}</Text>
                    {item.summary && <Text size="sm">{item.summary}</Text>}
                    {item.outcome && (
                      <Text size="sm">
                        <strong>{t('logForm.outcome')}:</strong> {item.outcome}
                      </Text>
                    )}
                    {item.contacts.length > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('statePage.with', { names: item.contacts.map((c) => c.fullName).join(', ') })}
                      </Text>
                    )}
                    {item.followUpOn && (
                      <Text size="sm" c="dimmed">
                        {item.followUpDone
                          ? t('statePage.followUpDone', { date: format.date(item.followUpOn) })
                          : t('statePage.followUpDue', { date: format.date(item.followUpOn) })}
                      </Text>
                    )}
                  </div>
                  <Stack gap={4} align="flex-end">
                    <Badge color={VISIBILITY_COLOR[item.visibility]} variant="light" title={t(`visibility.help.${item.visibility}`)}>
                      {t(`visibility.${item.visibility}`)}
                    </Badge>
                    {item.awaitingReply && (
                      <Badge color="orange" variant="light">
                        {t('statePage.awaitingReply')}
                      </Badge>
                    )}
                    {canEditInteraction(viewer, item) && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => open({ interaction: item })}
                        aria-label={t('statePage.editInteraction', { subject: item.subject })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </Stack>
                </Group>
              </Paper>
            </li>
          ))}
        </ol>
        {total > TIMELINE_PAGE_SIZE && (
          <nav aria-label={t('statePage.timelinePages')}>
            <Group justify="space-between">
              <Button variant="default" size="xs" onClick={() => setPaging(previousPage)} disabled={pageNumber(paging) === 1}>
                {t('common.newer')}
              </Button>
              <Text size="sm" aria-live="polite">
                {t('common.range', { from: range.from, to: range.to, total: range.total })} ·{' '}
                {t('common.page', { page: pageNumber(paging), pages: pageCount(total, TIMELINE_PAGE_SIZE) })}
              </Text>
              <Button
                variant="default"
                size="xs"
                onClick={() => setPaging((p) => nextPage(p, connection?.pageInfo))}
                disabled={!connection?.pageInfo.hasNextPage}
              >
                {t('common.older')}
              </Button>
            </Group>
          </nav>
        )}
      </Stack>
    </section>
  );
}
