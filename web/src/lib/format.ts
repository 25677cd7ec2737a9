import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A calendar date ("2017-12-04") as the language writes it, without moving it across time zones. */
export function formatDate(date: string | null | undefined, language: string): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment (ISO date-time) in the language's words, in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Today as YYYY-MM-DD in the browser's time zone (the default date of a new interaction). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formatters for the interface's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    return {
      language,
      date: (value: string | null | undefined) => formatDate(value, language),
      dateTime: (value: string | null | undefined) => formatDateTime(value, language),
      percent: (value: number) => percent.format(value),
      number: (value: number) => decimal.format(value),
      signed: (value: number) => signed.format(value),
    };
  }, [language]);
}
