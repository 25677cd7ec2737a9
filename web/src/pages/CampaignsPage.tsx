import { Alert, Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { CreateCampaign } from '../campaigns/CreateCampaign';
import { PageLoader } from '../components/PageLoader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { filtersFromSearch } from '../targets/filters';
import '../i18n/later';

const CampaignsDocument = graphql(`
  query LetterCampaigns($after: String) {
    letterCampaigns(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          sendingDate
          visibility
          organization {
            id
            name
          }
          progress {
            sent
            replied
            noReply
            followUpDone
          }
        }
      }
    }
  }
`);

/** The letter campaigns the user may see, newest first. */
function CampaignList() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }] = useQuery({ query: CampaignsDocument, variables: { after }, requestPolicy: 'cache-and-network' });
  if (!data && fetching) return <PageLoader />;
  const campaigns = data?.letterCampaigns.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('campaigns.title')}</Title>
          <Text c="dimmed" mb="md">
            {t('campaigns.intro')}
          </Text>
        </div>
        {can.write && (
          <Button component={Link} to="/campaigns/new">
            {t('campaigns.create')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {data && !campaigns.length && <Text>{t('campaigns.none')}</Text>}
      {campaigns.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table className="campaigns-table">
            <Table.Caption>{t('campaigns.count', { count: data!.letterCampaigns.totalCount })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.name')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.sendingDate')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.organization')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.visibility')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.progressColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.map((campaign) => (
                <Table.Tr key={campaign.id} data-id={campaign.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
                      {campaign.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatDate(campaign.sendingDate, i18n.language)}</Table.Td>
                  <Table.Td>{campaign.organization.name}</Table.Td>
                  <Table.Td>{t(`visibility.${campaign.visibility}`)}</Table.Td>
                  <Table.Td>
                    {t('campaigns.progressShort', {
                      replied: campaign.progress.replied,
                      sent: campaign.progress.sent,
                      followedUp: campaign.progress.followUpDone,
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(after || data?.letterCampaigns.pageInfo.hasNextPage) && (
        <Group mt="md">
          {after && (
            <Button variant="default" onClick={() => setParams({})}>
              {t('campaigns.first')}
            </Button>
          )}
          {data?.letterCampaigns.pageInfo.hasNextPage && (
            <Button variant="default" onClick={() => setParams({ after: data.letterCampaigns.pageInfo.endCursor! })}>
              {t('common.older')}
            </Button>
          )}
        </Group>
      )}
    </>
  );
}

/** "/campaigns/new": from the targets page (its filters in the query string, with from=targets) or States picked by hand. */
function NewCampaign() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const fromTargets = useMemo(() => (params.get('from') === 'targets' ? filtersFromSearch(params) : null), [params]);
  if (!can.write) {
    return (
      <Alert color="red" role="alert">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return <CreateCampaign fromTargets={fromTargets} />;
}

export default function CampaignsPage({ creating = false }: { creating?: boolean }) {
  return creating ? <NewCampaign /> : <CampaignList />;
}
