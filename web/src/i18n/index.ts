import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import en from './catalog-en';

/** The coordinators' working languages. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORED = 'ratify.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start with: the one chosen last on this browser, else the browser's own, else English. */
export function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(STORED) ?? null;
  } catch {
    stored = null;
  }
  if (isLanguage(stored)) return stored;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORED, language);
  } catch {
    /* private mode: the user's preference on the server still holds */
  }
  if (globalThis.document) document.documentElement.lang = language;
}

// English is in the bundle; French and Spanish are loaded, each its own chunk, when chosen.
const others: Record<string, () => Promise<{ default: typeof en }>> = {
  fr: () => import('./catalog-fr'),
  es: () => import('./catalog-es'),
};

void i18n
  .use(initReactI18next)
  .use(resourcesToBackend((language: string) => others[language]?.() ?? Promise.resolve({ default: en })))
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
if (globalThis.document) document.documentElement.lang = i18n.language;

export default i18n;
