/**
 * The language the browser tests run in, and the web application's own messages in it.
 *
 * `BROWSER_LOCALE` (en, fr or es; English by default) chooses it: every browser context the tests
 * open starts in it (see `launchBrowser()`), and `t()` gives the text the application shows for a
 * key, resolved by i18next itself on the same merged catalogs (plurals, interpolation, fallback),
 * so that no test re-implements the application's formatting.
 */
import i18next, { type TOptions } from 'i18next';
import countries from 'i18n-iso-countries';
import { readFileSync } from 'node:fs';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

function languageFrom(value: string | undefined): Language {
  const language = (value ?? '').trim() || 'en';
  if (!(LANGUAGES as readonly string[]).includes(language))
    throw new Error(`BROWSER_LOCALE=${value}: expected one of ${LANGUAGES.join(', ')}`);
  return language as Language;
}

/** The language of this run (`BROWSER_LOCALE`). */
export const LOCALE: Language = languageFrom(process.env.BROWSER_LOCALE);

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../web/src/i18n/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * The application's catalogs, merged as web/src/i18n/index.ts merges them: the pages' and the
 * workspace's (activity, administration, notifications, import) beside the shell's.
 */
const resources = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    {
      translation: {
        ...read(`${language}.json`),
        ...read(`pages/${language}.json`),
        ...read(`workspace/${language}.json`),
        ...read(`later/${language}.json`),
      },
    },
  ]),
);

const i18n = i18next.createInstance();
// The application's options (web/src/i18n/index.ts), started synchronously.
void i18n.init({ resources, lng: LOCALE, fallbackLng: 'en', interpolation: { escapeValue: false }, returnNull: false, initAsync: false });

/**
 * The message the application shows for `key` in the test language (or `vars.lng`), with `vars`
 * interpolated and `count` choosing the plural form. A key no catalog has is an error, not a string.
 */
export function t(key: string, vars: TOptions = {}): string {
  if (!i18n.exists(key, vars)) throw new Error(`No message ${key} in the catalogs`);
  return i18n.t(key, vars);
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching the message `key` exactly (anchored), with `vars` interpolated. */
export function exactly(key: string, vars?: TOptions): RegExp {
  return new RegExp(`^${escapeRegExp(t(key, vars))}$`);
}

/** A regular expression matching the message `key` where it begins the text. */
export function startingWith(key: string, vars?: TOptions): RegExp {
  return new RegExp(`^${escapeRegExp(t(key, vars))}`);
}

/**
 * A regular expression for a message with a part the test cannot know in advance: each `{{name}}`
 * of `parts` is replaced by its pattern (`\\d+` for a count, say), the rest matched literally.
 * With a `count` part, any plural form the test language has for `key` matches.
 */
export function pattern(key: string, parts: Record<string, string>, flags = ''): RegExp {
  const marks = Object.fromEntries(Object.keys(parts).map((name, i) => [name, `\u0000${i}\u0000`]));
  const forms =
    'count' in parts
      ? new Intl.PluralRules(LOCALE)
          .resolvedOptions()
          .pluralCategories.map((form) => `${key}_${form}`)
          .filter((form) => i18n.exists(form))
      : [];
  const sources = (forms.length ? forms : [key]).map((form) =>
    Object.entries(parts).reduce((source, [name, part]) => source.split(marks[name]).join(part), escapeRegExp(t(form, marks))),
  );
  return new RegExp(`^(?:${[...new Set(sources)].join('|')})$`, flags);
}

/**
 * A State's name as the application shows it in the test language: i18n-iso-countries' official
 * short name for its ISO code (as web/src/lib/stateNames.ts), else `fallback`.
 */
export function stateName(iso3: string, fallback = iso3, language: string = LOCALE): string {
  return countries.getName(iso3, language.slice(0, 2), { select: 'official' }) ?? fallback;
}

/** A number as the application formats it in the test language. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(LOCALE).format(value);
}

/** A calendar date ("2026-11-20") as the application writes it in the test language (web/src/lib/format.ts). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
