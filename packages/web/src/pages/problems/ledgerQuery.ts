// The ledger's view lives in the URL (?view=…&status=…&page=…), so a copied link reproduces
// exactly what the clerk was looking at, and the browser's back button undoes a filter change.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const FILTER_KEYS = [
  'unit',
  'checkItem',
  'category',
  'status',
  'source',
  'mode',
  'overdue',
  'deadlineFrom',
  'deadlineTo',
  'q',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const LIST_VIEWS = ['problems', 'responsibility', 'rectification'] as const;
export type ListView = (typeof LIST_VIEWS)[number];
export type LedgerView = ListView | 'byUnit' | 'byItem';
const VIEWS: readonly string[] = [...LIST_VIEWS, 'byUnit', 'byItem'];

export const SORT_KEYS = ['id', 'deadline', 'foundDate', 'status', 'unit', 'checkItem', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const PAGE_SIZES = [20, 50, 100, 200];

export interface LedgerQuery {
  view: LedgerView;
  filters: Filters;
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function positive(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function parseLedgerQuery(params: URLSearchParams): LedgerQuery {
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const view = params.get('view') ?? '';
  const sort = params.get('sort') ?? '';
  const pageSize = positive(params.get('pageSize'), 20);
  return {
    view: (VIEWS.includes(view) ? view : 'problems') as LedgerView,
    filters,
    sort: ((SORT_KEYS as readonly string[]).includes(sort) ? sort : 'id') as SortKey,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: positive(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** A link to the ledger's list showing the given filters (used by the count tables). */
export function ledgerLink(filters: Filters, view: ListView = 'problems'): string {
  const s = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(filters)) if (v) s.set(k, v);
  return `/problems?${s.toString()}`;
}

type Patch = Partial<Record<FilterKey | 'view' | 'sort' | 'order' | 'page' | 'pageSize', string | number>>;

export function useLedgerQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseLedgerQuery(params), [params]);

  /**
   * Applies the patch (empty value = remove); anything but a page change goes back to page 1.
   * `resetFilters` first drops every filter (one navigation, so the two cannot race).
   */
  const update = useCallback(
    (patch: Patch, resetFilters = false) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (resetFilters) for (const k of FILTER_KEYS) next.delete(k);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const clearFilters = useCallback(() => update({}, true), [update]);

  return { ...query, update, clearFilters };
}
