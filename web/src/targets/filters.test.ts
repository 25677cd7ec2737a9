import { describe, expect, it } from 'vitest';
import { exportUrl, filtersFromSearch, normalizeFilters, searchFromFilters, type TargetQuery } from './filters';

describe('target filters and the URL', () => {
  const pacificYes: TargetQuery = {
    filter: {
      subregions: ['Micronesia', 'Polynesia', 'Melanesia'],
      treatyStatuses: ['SIGNATORY', 'NOT_SIGNED'],
      votedOn: 'A/RES/72/54',
      votes: ['YES'],
    },
    orderBy: 'SCORE',
  };

  it('goes to the URL and back unchanged, for every field', () => {
    const full: TargetQuery = {
      filter: {
        search: 'ki',
        regionalGroups: ['ASIA_PACIFIC', 'AFRICAN'],
        subregions: ['Micronesia'],
        treatyStatuses: ['NOT_SIGNED'],
        stages: ['ENGAGED', 'SUPPORTIVE'],
        votedOn: 'A/RES/72/54',
        votes: ['YES', 'ABSTAIN'],
        minYesShare: 0.75,
        notContactedForDays: 90,
        hasOpenObstacles: false,
        groupingIds: ['12'],
      },
      orderBy: 'LAST_CONTACT',
    };
    expect(filtersFromSearch(searchFromFilters(full))).toEqual(full);
    expect(filtersFromSearch(`?${searchFromFilters(pacificYes)}`)).toEqual(pacificYes);
  });

  it('writes the API names, lists comma-separated, and nothing for the defaults', () => {
    expect(searchFromFilters(pacificYes)).toBe(
      'subregions=Micronesia%2CPolynesia%2CMelanesia&treatyStatuses=SIGNATORY%2CNOT_SIGNED&votedOn=A%2FRES%2F72%2F54&votes=YES',
    );
    expect(searchFromFilters({ filter: {}, orderBy: 'SCORE' })).toBe('');
    expect(searchFromFilters({ filter: { search: '  ', stages: [], minYesShare: undefined }, orderBy: 'NAME' })).toBe('orderBy=NAME');
  });

  it('gives the same URL for the same filters whatever order they were set in', () => {
    const a = searchFromFilters({ filter: { votes: ['YES'], search: 'x' }, orderBy: 'SCORE' });
    const b = searchFromFilters({ filter: { search: 'x', votes: ['YES'] }, orderBy: 'SCORE' });
    expect(a).toBe(b);
  });

  it('drops what a hand-edited URL gets wrong instead of sending it', () => {
    expect(
      filtersFromSearch(
        'regionalGroups=ASIA_PACIFIC,MARS&votes=MAYBE&minYesShare=2&notContactedForDays=-3&hasOpenObstacles=yes&orderBy=RANDOM&stages=,,',
      ),
    ).toEqual({ filter: { regionalGroups: ['ASIA_PACIFIC'] }, orderBy: 'SCORE' });
    expect(filtersFromSearch('minYesShare=abc&notContactedForDays=1.5').filter).toEqual({});
  });

  it('keeps zero and false, which are filters', () => {
    const query: TargetQuery = { filter: { minYesShare: 0, notContactedForDays: 0, hasOpenObstacles: false }, orderBy: 'SCORE' };
    expect(filtersFromSearch(searchFromFilters(query))).toEqual(query);
  });

  it('removes duplicate list items and blank text', () => {
    expect(filtersFromSearch('votes=YES,YES,NO&search=%20%20').filter).toEqual({ votes: ['YES', 'NO'] });
    expect(normalizeFilters({ search: ' Tonga ', subregions: [] })).toEqual({ search: 'Tonga' });
  });

  it('makes the CSV export URL from the same parameters', () => {
    expect(exportUrl({ filter: { votes: ['YES'] }, orderBy: 'NAME' })).toBe('/exports/targets.csv?votes=YES&orderBy=NAME');
    expect(exportUrl({ filter: {}, orderBy: 'SCORE' })).toBe('/exports/targets.csv');
  });
});
