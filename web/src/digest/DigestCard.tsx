import { Alert, Button, Card, Group, NumberInput, Select, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useFormat } from '../lib/format';
import { useFormWrite } from '../lib/useFormWrite';

const MyDigestDocument = graphql(`
  query MyDigest {
    myDigest {
      timeZone
      sendHour
      noReplyAfterDays
      lastSentOn
    }
    followedStates {
      iso3
    }
  }
`);

const SubscribeDocument = graphql(`
  mutation SubscribeToDigest($input: SubscribeToDigestInput!) {
    subscribeToDigest(input: $input) {
      timeZone
      sendHour
      noReplyAfterDays
      lastSentOn
    }
  }
`);

const UnsubscribeDocument = graphql(`
  mutation UnsubscribeFromDigest {
    unsubscribeFromDigest
  }
`);

/** The browser's time zone, and every zone it knows, for the choice. */
function timeZones(): { current: string; all: string[] } {
  const current = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return { current, all: supported.includes(current) ? supported : [current, ...supported] };
}

/** The daily e-mail: ask for it (time zone, hour, reply delay), change it or stop it. */
export function DigestCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const zones = useMemo(timeZones, []);
  const [{ data }, refetch] = useQuery({ query: MyDigestDocument, requestPolicy: 'cache-and-network' });
  const [{ fetching: saving }, subscribe] = useMutation(SubscribeDocument);
  const [, unsubscribe] = useMutation(UnsubscribeDocument);
  const digest = data?.myDigest ?? null;
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [sendHour, setSendHour] = useState<number | string | null>(null);
  const [days, setDays] = useState<number | string | null>(null);
  const form = useFormWrite({}, ['timeZone', 'sendHour', 'noReplyAfterDays']);
  const { errors, other } = form;
  const values = {
    timeZone: timeZone ?? digest?.timeZone ?? zones.current,
    sendHour: Number(sendHour ?? digest?.sendHour ?? 7),
    noReplyAfterDays: Number(days ?? digest?.noReplyAfterDays ?? 30),
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await form.run({}, () => subscribe({ input: values }))) refetch({ requestPolicy: 'network-only' });
  };
  const stop = async () => {
    await unsubscribe({});
    setTimeZone(null);
    setSendHour(null);
    setDays(null);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Card withBorder component="section" aria-labelledby="digest-title">
      <Title order={2} size="h4" id="digest-title">
        {t('digest.title')}
      </Title>
      <Text size="sm" c="dimmed" mt="xs">
        {data ? t('digest.help', { count: data.followedStates.length }) : ''}
      </Text>
      <Text size="sm" mt="xs" data-testid="digest-status">
        {!data
          ? ''
          : digest
            ? t('digest.on', { hour: `${String(digest.sendHour).padStart(2, '0')}:00`, timeZone: digest.timeZone }) +
              (digest.lastSentOn ? ` ${t('digest.lastSent', { date: format.date(digest.lastSentOn) })}` : '')
            : t('digest.off')}
      </Text>
      <form onSubmit={(event) => void save(event)} noValidate>
        <Select
          mt="sm"
          searchable
          label={t('digest.timeZone')}
          data={zones.all}
          value={values.timeZone}
          onChange={setTimeZone}
          error={errors.timeZone}
          allowDeselect={false}
        />
        <Group grow mt="xs">
          <NumberInput
            label={t('digest.sendHour')}
            min={0}
            max={23}
            value={values.sendHour}
            onChange={setSendHour}
            error={errors.sendHour}
          />
          <NumberInput
            label={t('digest.noReplyAfterDays')}
            min={1}
            max={365}
            value={values.noReplyAfterDays}
            onChange={setDays}
            error={errors.noReplyAfterDays}
          />
        </Group>
        {other.map((message) => (
          <Alert key={message} mt="sm" color="red" role="alert">
            {message}
          </Alert>
        ))}
        <Group mt="sm">
          <Button type="submit" loading={saving}>
            {digest ? t('digest.save') : t('digest.start')}
          </Button>
          {digest && (
            <Button variant="default" onClick={() => void stop()}>
              {t('digest.stop')}
            </Button>
          )}
        </Group>
      </form>
    </Card>
  );
}
