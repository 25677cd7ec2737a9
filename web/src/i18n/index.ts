import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enBase from './en.json';
import esBase from './es.json';
import frBase from './fr.json';
import enPages from './pages/en.json';
import esPages from './pages/es.json';
import frPages from './pages/fr.json';
import enWorkspace from './workspace/en.json';
import esWorkspace from './workspace/es.json';
import frWorkspace from './workspace/fr.json';

// The pages' messages (targets, State, contacts, logging) live in pages/*.json, beside the shell's;
// those of the activity, administration and notifications in workspace/*.json.
const en = { ...enBase, ...enPages, ...enWorkspace };
const fr = { ...frBase, ...frPages, ...frWorkspace };
const es = { ...esBase, ...esPages, ...esWorkspace };

/** The coordinators' working languages. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogs: Record<Language, typeof en> = { en, fr, es };

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

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (globalThis.document) document.documentElement.lang = i18n.language;

export default i18n;
