// The findings list's filters, order and page live in the URL, like the ledger's, so a link (from the
// place queue, from a household) reproduces the view. Unmasking never does: it is asked anew.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const FINDING_FILTERS = ['rule', 'unit', 'status', 'q'] as const;
export type FindingFilter = (typeof FINDING_FILTERS)[number];
export type FindingStatus = 'open' | 'resolved' | 'all';
export const PAGE_SIZES = [20, 50, 100, 200];
/** Columns the server sorts by (FindingsQuery.sort). */
export const FINDING_SORTS = ['checkItem', 'unit', 'household', 'createdAt'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingsView {
  rule?: string;
  /** A street's id, or 'none' for findings whose place matches no street yet. */
  unit?: string;
  status: FindingStatus;
  q?: string;
  sort: FindingSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function useFindingsQuery() {
  const [params, setParams] = useSearchParams();
  const view = useMemo<FindingsView>(() => {
    const status = params.get('status');
    const page = Number(params.get('page'));
    const pageSize = Number(params.get('pageSize'));
    return {
      rule: params.get('rule') || undefined,
      unit: params.get('unit') || undefined,
      status: status === 'resolved' || status === 'all' ? status : 'open',
      q: params.get('q') || undefined,
      sort: (FINDING_SORTS as readonly string[]).includes(params.get('sort') ?? '')
        ? (params.get('sort') as FindingSort)
        : 'checkItem',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    };
  }, [params]);

  /** Applies the patch (empty = remove); a filter change goes back to page 1. */
  const update = useCallback(
    (
      patch: Partial<
        Record<FindingFilter | 'sort' | 'order' | 'page' | 'pageSize', string | number | undefined>
      >,
    ) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      }),
    [setParams],
  );

  const clear = useCallback(
    () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const k of [...FINDING_FILTERS, 'page']) next.delete(k);
        return next;
      }),
    [setParams],
  );

  return { view, update, clear };
}

/** The API query of a view. */
export function apiQuery(view: FindingsView, campaignId: number | undefined, unmasked: boolean) {
  return {
    campaignId,
    rule: view.rule,
    unit: view.unit === 'none' ? undefined : view.unit,
    unrouted: view.unit === 'none' ? 1 : undefined,
    status: view.status,
    q: view.q,
    sort: view.sort,
    order: view.order,
    unmasked,
  };
}
