import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { conflictVersions, type ErrorLike } from '../lib/errors';

/** A CONFLICT on a write: says so, and offers to reload and re-apply the change, or to drop it. */
export function ConflictAlert({
  error,
  onReapply,
  onDiscard,
  busy,
}: {
  error: ErrorLike;
  onReapply: () => void;
  onDiscard: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const versions = conflictVersions(error);
  return (
    <Alert color="orange" role="alert" title={t('errors.conflictShort')} classNames={{ title: 'conflict-alert-title' }}>
      {versions && <Text size="sm">{t('errors.conflict', { expected: versions.expectedVersion, actual: versions.actualVersion })}</Text>}
      <Group mt="sm">
        <Button size="xs" onClick={onReapply} loading={busy}>
          {t('errors.reloadAndReapply')}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('errors.discard')}
        </Button>
      </Group>
    </Alert>
  );
}

/** Messages of a failed write that no field shows. */
export function ErrorList({ messages }: { messages: string[] }) {
  return (
    <>
      {messages.filter(Boolean).map((message) => (
        <Alert key={message} color="red" role="alert">
          {message}
        </Alert>
      ))}
    </>
  );
}
