/**
 * Page by page through a cursor connection (`first`/`after`, `pageInfo { endCursor hasNextPage }`),
 * forwards and back: the cursors of the pages already seen are kept, so "previous" needs no
 * backward cursor from the service. Pure: the component keeps a `Paging` in its state.
 */
export interface Paging {
  /** The `after` of each page seen, from the first (null) to the current one. */
  readonly afters: readonly (string | null)[];
}

export const firstPage = (): Paging => ({ afters: [null] });

/** The `after` to ask the current page with. */
export const currentAfter = (paging: Paging): string | null => paging.afters[paging.afters.length - 1] ?? null;

/** The current page's number, from 1. */
export const pageNumber = (paging: Paging): number => paging.afters.length;

/** How many pages `totalCount` items make at `size` a page (at least 1). */
export const pageCount = (totalCount: number, size: number): number => Math.max(1, Math.ceil(totalCount / Math.max(1, size)));

/** The next page, after the current one's `endCursor`; unchanged when there is none. */
export function nextPage(paging: Paging, pageInfo: { endCursor?: string | null; hasNextPage: boolean } | undefined): Paging {
  if (!pageInfo?.hasNextPage || !pageInfo.endCursor) return paging;
  return { afters: [...paging.afters, pageInfo.endCursor] };
}

/** The page before; unchanged on the first. */
export function previousPage(paging: Paging): Paging {
  return paging.afters.length > 1 ? { afters: paging.afters.slice(0, -1) } : paging;
}

/** The positions (from 1) of the current page's items in the whole list, for "11–20 of 42". */
export function pageRange(paging: Paging, size: number, shown: number, totalCount: number): { from: number; to: number; total: number } {
  const from = shown === 0 ? 0 : (pageNumber(paging) - 1) * size + 1;
  return { from, to: shown === 0 ? 0 : Math.min(totalCount, from + shown - 1), total: totalCount };
}

/**
 * When the list shrinks under the current page (items deleted, or no longer visible), the last
 * page that still has items; the cursors after it are dropped.
 */
export function clampPaging(paging: Paging, totalCount: number, size: number): Paging {
  const last = pageCount(totalCount, size);
  return paging.afters.length > last ? { afters: paging.afters.slice(0, last) } : paging;
}
