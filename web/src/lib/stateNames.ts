import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { useTranslation } from 'react-i18next';

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(es);

/**
 * A State's name in the interface's language, from its ISO 3166 code (i18n-iso-countries, which
 * follows the ISO/CLDR short names); `fallback` (the name the service holds) when the package
 * has none.
 */
export function stateName(iso3: string, language: string, fallback: string): string {
  return countries.getName(iso3, language.slice(0, 2), { select: 'official' }) ?? fallback;
}

export function useStateNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return { language, name: (iso3: string, fallback: string) => stateName(iso3, language, fallback) };
}
