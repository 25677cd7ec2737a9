import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { LANGUAGES } from './index';

/** Every key of a nested catalog, as "a.b.c". */
function keys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The {{placeholders}} of a message. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function valueAt(catalog: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
}

describe('the message catalogs', () => {
  const all = new Set(LANGUAGES.flatMap((language) => keys(catalogs[language])));

  it.each(LANGUAGES)('%s has every key of every catalog', (language) => {
    const own = new Set(keys(catalogs[language]));
    expect([...all].filter((key) => !own.has(key))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty message, and the same placeholders as English', (language) => {
    for (const key of all) {
      const text = valueAt(catalogs[language], key);
      expect(typeof text === 'string' && text.trim() !== '' ? 'ok' : `${key} is empty`).toBe('ok');
      expect([key, placeholders(text as string)]).toEqual([key, placeholders(valueAt(catalogs.en, key) as string)]);
    }
  });
});
