import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export default function ContactsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1}>{t('nav.contacts')}</Title>
      <Alert mt="md">{t('placeholder.comingSoon')}</Alert>
    </>
  );
}
