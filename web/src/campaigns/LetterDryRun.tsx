import { Alert, Button, Code, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { authorizedFetch, saveResponse } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { useStateNames } from '../lib/stateNames';
import '../i18n/later';

const LetterDryRunDocument = graphql(`
  query LetterDryRun($id: ID!) {
    letterCampaign(id: $id) {
      id
      letterDryRun {
        state {
          iso3
          name
        }
        contact {
          id
          fullName
        }
        language
        languageSource
        fileName
        downloadPath
        missingPlaceholders
      }
    }
  }
`);

/**
 * The letters the campaign's templates would give, checked before they are generated: one row per
 * letter (each addressee of each State's letter, in the addressee's language) with the placeholders
 * that have no value for it, which the letter would show as "[missing: name]"; each letter can be
 * downloaded alone.
 */
export function LetterDryRun({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const names = useStateNames();
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ data, fetching, error }, check] = useQuery({
    query: LetterDryRunDocument,
    variables: { id: campaignId },
    pause: !checked,
    requestPolicy: 'network-only',
  });
  const drafts = data?.letterCampaign?.letterDryRun ?? [];
  const incomplete = drafts.filter((draft) => draft.missingPlaceholders.length > 0).length;
  const languageName = (code: string) => new Intl.DisplayNames(i18n.language, { type: 'language' }).of(code.toLowerCase()) ?? code;
  const download = async (path: string, fileName: string) => {
    setProblem(null);
    try {
      await saveResponse(await authorizedFetch(path), fileName);
    } catch (failure) {
      setProblem((failure as Error).message);
    }
  };
  return (
    <section aria-labelledby="letter-dry-run" className="letter-dry-run">
      <Group mt="md" justify="space-between" align="flex-end">
        <Title order={3} size="h4" id="letter-dry-run">
          {t('campaigns.dryRun.title')}
        </Title>
        <Button
          variant="default"
          onClick={() => (checked ? check({ requestPolicy: 'network-only' }) : setChecked(true))}
          loading={fetching}
        >
          {checked ? t('campaigns.dryRun.again') : t('campaigns.dryRun.check')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('campaigns.dryRun.help')}
      </Text>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(error)}
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert" mt="sm">
          {problem}
        </Alert>
      )}
      {data && (
        <>
          <Text mt="sm" role="status">
            {t('campaigns.dryRun.summary', { count: drafts.length })} {t('campaigns.dryRun.incomplete', { count: incomplete })}
          </Text>
          {drafts.length > 0 && (
            <Table mt="xs" className="data-table dry-run-table">
              <Table.Caption>{t('campaigns.dryRun.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('campaigns.dryRun.state')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.dryRun.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.dryRun.language')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.dryRun.missing')}</Table.Th>
                  <Table.Th scope="col">{t('campaigns.dryRun.letter')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {drafts.map((draft) => {
                  const state = names.name(draft.state.iso3, draft.state.name);
                  const recipient = draft.contact?.fullName ?? t('campaigns.dryRun.toState');
                  return (
                    <Table.Tr key={draft.fileName} data-iso3={draft.state.iso3}>
                      <Table.Td>{state}</Table.Td>
                      <Table.Td>{recipient}</Table.Td>
                      <Table.Td>
                        {languageName(draft.language)}
                        <Text size="xs" c="dimmed">
                          {t(`campaigns.dryRun.source.${draft.languageSource}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {draft.missingPlaceholders.length === 0 ? (
                          t('campaigns.dryRun.none')
                        ) : (
                          <Group gap={4}>
                            {draft.missingPlaceholders.map((name) => (
                              <Code key={name}>{name}</Code>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => void download(draft.downloadPath, draft.fileName)}
                          aria-label={t('campaigns.dryRun.downloadOne', { state, recipient })}
                        >
                          {t('campaigns.dryRun.download')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
