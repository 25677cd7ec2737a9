import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function TargetsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1}>{t('nav.targets')}</Title>
      <Alert mt="md">{t('placeholder.comingSoon')}</Alert>
    </>
  );
}
