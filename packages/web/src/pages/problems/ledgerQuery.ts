// The ledger's view lives in the URL (?view=…&status=…&page=…), so a copied link reproduces
// exactly what the clerk was looking at, and the browser's back button undoes a filter change.
// The table's part is the shared useTableQuery; the tab (`view`) is the ledger's own.
import { useMemo } from 'react';
import type { TableSpec } from '../../hooks/tableQuery';
import { useTableQuery } from '../../hooks/useTableQuery';

const FILTER_KEYS = [
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

const SORT_KEYS = ['id', 'deadline', 'foundDate', 'status', 'unit', 'checkItem', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const LEDGER_TABLE: TableSpec<FilterKey, SortKey> = {
  filters: FILTER_KEYS,
  sorts: SORT_KEYS,
  sort: 'id',
  order: 'desc',
};

/** A link to the ledger's list showing the given filters (used by the count tables). */
export function ledgerLink(filters: Filters, view: ListView = 'problems'): string {
  const s = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(filters)) if (v) s.set(k, v);
  return `/problems?${s.toString()}`;
}

export function useLedgerQuery() {
  const table = useTableQuery<FilterKey, SortKey, 'view'>(LEDGER_TABLE);
  const raw = table.params.get('view') ?? '';
  const view = useMemo(() => (VIEWS.includes(raw) ? raw : 'problems') as LedgerView, [raw]);
  return { ...table, view };
}
