import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CalendarFeed } from '../components/CalendarFeed';
import { DigestCard } from '../digest/DigestCard';

/** My settings: the calendar address and the daily e-mail. */
export default function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('settings.title')}</Title>
        <Text c="dimmed">{t('settings.intro')}</Text>
      </div>
      <div className="dashboard-top">
        <DigestCard />
        <CalendarFeed />
      </div>
    </Stack>
  );
}
