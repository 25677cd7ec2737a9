import { Alert, Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { authorizedFetch, saveResponse } from '../lib/download';
import { useFormat } from '../lib/format';

const CalendarFeedQuery = graphql(`
  query CalendarFeed {
    calendarFeed {
      createdAt
    }
  }
`);

const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      path
      createdAt
    }
  }
`);

const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);

/** The user's calendar: a secret feed address to subscribe to (created, replaced, revoked), and a download. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data }, refetch] = useQuery({ query: CalendarFeedQuery, requestPolicy: 'cache-and-network' });
  const [created, create] = useMutation(CreateCalendarFeedMutation);
  const [, revoke] = useMutation(RevokeCalendarFeedMutation);
  const [address, setAddress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const feed = data?.calendarFeed;

  const makeAddress = async () => {
    const result = await create({});
    if (result.data) setAddress(`${window.location.origin}${result.data.createCalendarFeed.path}`);
    refetch({ requestPolicy: 'network-only' });
  };
  const endAddress = async () => {
    await revoke({});
    setAddress(null);
    refetch({ requestPolicy: 'network-only' });
  };
  const download = async () => {
    setError(null);
    try {
      await saveResponse(await authorizedFetch('/exports/calendar.ics'), 'calendar.ics');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="calendar-title">
      <Title order={2} size="h4" id="calendar-title">
        {t('calendar.title')}
      </Title>
      <Text size="sm" c="dimmed" mt="xs">
        {t('calendar.help')}
      </Text>
      {address ? (
        <TextInput
          mt="sm"
          readOnly
          label={t('calendar.address')}
          description={t('calendar.keepSecret')}
          value={address}
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : (
        <Text size="sm" mt="sm">
          {feed ? t('calendar.since', { date: format.dateTime(feed.createdAt) }) : t('calendar.none')}
        </Text>
      )}
      {error && (
        <Alert mt="sm" color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group mt="sm">
        <Button size="xs" loading={created.fetching} onClick={() => void makeAddress()}>
          {feed ? t('calendar.replace') : t('calendar.create')}
        </Button>
        {feed && (
          <Button size="xs" variant="default" onClick={() => void endAddress()}>
            {t('calendar.revoke')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => void download()}>
          {t('calendar.download')}
        </Button>
      </Group>
    </Card>
  );
}
