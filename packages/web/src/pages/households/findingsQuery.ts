// The findings list's filters, order and page live in the URL, like the ledger's, so a link (from the
// place queue, from a household) reproduces the view. Unmasking never does: it is asked anew.
import type { FindingsQuery } from '@paicha/core/api/screening';
import { useMemo } from 'react';
import type { TableSpec } from '../../hooks/tableQuery';
import { useTableQuery } from '../../hooks/useTableQuery';

export const FINDING_FILTERS = ['rule', 'unit', 'status', 'verification', 'q'] as const;
export type FindingFilter = (typeof FINDING_FILTERS)[number];
export type FindingStatus = FindingsQuery['status'];
export type FindingSort = FindingsQuery['sort'];
/** Columns the server sorts by (`satisfies` keeps the list within FindingsQuery.sort). */
export const FINDING_SORTS = [
  'checkItem',
  'unit',
  'household',
  'createdAt',
] as const satisfies readonly FindingSort[];

export interface FindingsView {
  rule?: string;
  /** A street's id, or 'none' for findings whose place matches no street yet. */
  unit?: string;
  status: FindingStatus;
  /** The street's verdict (core FindingVerification). */
  verification?: string;
  q?: string;
  sort: FindingSort;
  order: FindingsQuery['order'];
  page: number;
  pageSize: number;
}

const FINDINGS_TABLE: TableSpec<FindingFilter, FindingSort> = {
  filters: FINDING_FILTERS,
  sorts: FINDING_SORTS,
  sort: 'checkItem',
  order: 'asc',
};

export function useFindingsQuery() {
  const { filters, sort, order, page, pageSize, update, clearFilters } = useTableQuery(FINDINGS_TABLE);
  const view = useMemo<FindingsView>(
    () => ({
      ...filters,
      status: filters.status === 'resolved' || filters.status === 'all' ? filters.status : 'open',
      sort,
      order,
      page,
      pageSize,
    }),
    [filters, sort, order, page, pageSize],
  );
  return { view, update, clear: clearFilters };
}

/** The API query of a view. */
export function apiQuery(view: FindingsView, campaignId: number | undefined, unmasked: boolean) {
  return {
    campaignId,
    rule: view.rule,
    unit: view.unit === 'none' ? undefined : view.unit,
    unrouted: view.unit === 'none' ? 1 : undefined,
    status: view.status,
    verification: view.verification,
    q: view.q,
    sort: view.sort,
    order: view.order,
    unmasked,
  };
}
