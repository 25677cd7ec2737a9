import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { isLanguage, LANGUAGES, rememberLanguage } from '../i18n';
import { useSession } from '../lib/SessionContext';

const SetPreferredLanguageDocument = graphql(`
  mutation SetPreferredLanguage($language: String!) {
    setPreferredLanguage(language: $language) {
      id
      preferredLanguage
    }
  }
`);

/** Each language in its own name. */
export const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', fr: 'Français', es: 'Español' };

/** Switches the interface's language; when signed in, the choice is kept on the user's account. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const [, save] = useMutation(SetPreferredLanguageDocument);
  return (
    <Select
      size="sm"
      w={130}
      aria-label={t('app.language')}
      data={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
      value={isLanguage(i18n.language) ? i18n.language : 'en'}
      allowDeselect={false}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        void i18n.changeLanguage(value);
        rememberLanguage(value);
        if (viewer) void save({ language: value });
      }}
    />
  );
}
