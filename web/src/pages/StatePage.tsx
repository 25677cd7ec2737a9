import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useStateNames } from '../lib/stateNames';

/** /states (the list) and /states/:iso3 (one State). */
export default function StatePage() {
  const { t } = useTranslation();
  const { iso3 } = useParams();
  const names = useStateNames();
  return (
    <>
      <Title order={1}>{iso3 ? names.name(iso3, iso3) : t('nav.states')}</Title>
      <Alert mt="md">{t('placeholder.comingSoon')}</Alert>
    </>
  );
}
