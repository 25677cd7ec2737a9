import { describe, expect, it } from 'vitest';
import { clampPaging, currentAfter, firstPage, nextPage, pageCount, pageNumber, pageRange, previousPage } from './paging';

describe('paging through a timeline', () => {
  it('starts on page 1 with no cursor', () => {
    expect(currentAfter(firstPage())).toBeNull();
    expect(pageNumber(firstPage())).toBe(1);
  });

  it('goes forward with each endCursor and back to the same cursors', () => {
    let paging = firstPage();
    paging = nextPage(paging, { endCursor: 'c10', hasNextPage: true });
    paging = nextPage(paging, { endCursor: 'c20', hasNextPage: true });
    expect(currentAfter(paging)).toBe('c20');
    expect(pageNumber(paging)).toBe(3);
    paging = previousPage(paging);
    expect(currentAfter(paging)).toBe('c10');
    paging = previousPage(previousPage(paging));
    expect(currentAfter(paging)).toBeNull();
    expect(pageNumber(paging)).toBe(1);
  });

  it('does not go past the last page', () => {
    const paging = nextPage(firstPage(), { endCursor: 'c10', hasNextPage: true });
    expect(nextPage(paging, { endCursor: 'c15', hasNextPage: false })).toBe(paging);
    expect(nextPage(paging, { endCursor: null, hasNextPage: true })).toBe(paging);
    expect(nextPage(paging, undefined)).toBe(paging);
  });

  it('counts pages and the positions shown', () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
    const second = nextPage(firstPage(), { endCursor: 'c10', hasNextPage: true });
    expect(pageRange(second, 10, 2, 12)).toEqual({ from: 11, to: 12, total: 12 });
    expect(pageRange(firstPage(), 10, 0, 0)).toEqual({ from: 0, to: 0, total: 0 });
  });

  it('falls back to the last page that has items when the list shrinks', () => {
    let paging = firstPage();
    paging = nextPage(paging, { endCursor: 'c10', hasNextPage: true });
    paging = nextPage(paging, { endCursor: 'c20', hasNextPage: true });
    expect(clampPaging(paging, 21, 10)).toBe(paging);
    expect(currentAfter(clampPaging(paging, 20, 10))).toBe('c10');
    expect(currentAfter(clampPaging(paging, 3, 10))).toBeNull();
  });
});
