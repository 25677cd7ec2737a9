import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { LANGUAGES } from '../i18n';
import { regionName } from './regions';

/** The M49 sub-regions and intermediate regions of the States the service loads (data/states.csv). */
function regionsOfTheData(): string[] {
  const [header, ...rows] = readFileSync(new URL('../../../data/states.csv', import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/);
  const columns = header.split(',');
  const wanted = ['m49_subregion', 'm49_intermediate_region'].map((name) => columns.indexOf(name));
  expect(wanted).not.toContain(-1);
  // The file quotes no field.
  const names = rows.flatMap((row) => {
    const cells = row.split(',');
    return wanted.map((index) => cells[index]);
  });
  return [...new Set(names)].filter((name): name is string => !!name).sort();
}

describe('the names of the M49 regions', () => {
  // French and Spanish are loaded on demand, as in the app.
  beforeAll(() => i18n.loadLanguages(['fr', 'es']));

  const regions = regionsOfTheData();

  it('finds the regions in the data', () => {
    expect(regions).toContain('Sub-Saharan Africa');
    expect(regions).toContain('Western Africa');
  });

  it.each(LANGUAGES)('%s names every region of the data', (language) => {
    const missing = regions.filter((region) => !i18n.exists(`region.${region}`, { lng: language, fallbackLng: false }));
    expect(missing).toEqual([]);
  });

  it('keeps a name the catalogs do not have, and nothing for none', () => {
    const t = i18n.getFixedT('fr');
    expect(regionName(t, 'Sub-Saharan Africa')).toBe('Afrique subsaharienne');
    expect(regionName(t, 'Atlantis')).toBe('Atlantis');
    expect(regionName(t, null)).toBe('');
  });
});
