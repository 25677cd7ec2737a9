import { Alert, Button, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { PageLoader } from '../components/PageLoader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { StartMandateForm } from '../work-plans/StartMandateForm';
import '../i18n/later';

const MandatesDocument = graphql(`
  query Mandates {
    mandates(first: 200) {
      totalCount
      edges {
        node {
          id
          name
          periodFrom
          periodTo
          visibility
          organizations {
            id
            name
          }
          objectives {
            id
          }
          previousMandate {
            id
            name
          }
          nextMandate {
            id
            name
          }
        }
      }
    }
  }
`);

/** The mandates the user may see, newest period first; coordinators start new ones. */
export default function WorkPlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [{ data, error }] = useQuery({ query: MandatesDocument, requestPolicy: 'cache-and-network' });
  const [starting, setStarting] = useState(false);
  const mandates = data?.mandates.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('workPlans.title')}</Title>
          <Text c="dimmed" mb="md">
            {t('workPlans.intro')}
          </Text>
        </div>
        {can.write && <Button onClick={() => setStarting(true)}>{t('workPlans.start')}</Button>}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!data && !error && <PageLoader />}
      {data && !mandates.length && <Text>{t('workPlans.none')}</Text>}
      {mandates.length > 0 && (
        <table className="data-table mandates-table">
          <caption>{t('workPlans.mandateCount', { count: data?.mandates.totalCount ?? mandates.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workPlans.name')}</th>
              <th scope="col">{t('workPlans.period')}</th>
              <th scope="col">{t('workPlans.organizations')}</th>
              <th scope="col" className="num">
                {t('workPlans.objectives')}
              </th>
              <th scope="col">{t('workPlans.handOver')}</th>
            </tr>
          </thead>
          <tbody>
            {mandates.map((mandate) => (
              <tr key={mandate.id}>
                <th scope="row">
                  <Link to={`/work-plans/${mandate.id}`}>{mandate.name}</Link>
                </th>
                <td>{t('workPlans.periodRange', { from: format.date(mandate.periodFrom), to: format.date(mandate.periodTo) })}</td>
                <td>{mandate.organizations.map((o) => o.name).join(', ')}</td>
                <td className="num">{format.number(mandate.objectives.length)}</td>
                <td>
                  {mandate.previousMandate && <div>{t('workPlans.tookOverFrom', { name: mandate.previousMandate.name })}</div>}
                  {mandate.nextMandate && <div>{t('workPlans.handedOverTo', { name: mandate.nextMandate.name })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Modal
        lockScroll={false}
        opened={starting}
        onClose={() => setStarting(false)}
        title={t('workPlans.start')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {starting && <StartMandateForm onClose={() => setStarting(false)} />}
      </Modal>
    </>
  );
}
