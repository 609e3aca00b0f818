// A server-paginated table's state in the URL's search parameters — filters, sort, order, page
// and page size — so a copied link reproduces the view and the back button undoes a change.
// Pure: parsing and patching are tested without a browser (tableQuery.test.ts).

export const PAGE_SIZES = [20, 50, 100, 200];

type Order = 'asc' | 'desc';

/** One table's parameters: its filter names, the columns the server sorts by, the defaults. */
export interface TableSpec<F extends string, S extends string> {
  filters: readonly F[];
  sorts: readonly S[];
  sort: S;
  order: Order;
}

export interface TableState<F extends string, S extends string> {
  /** Only the filters present (never empty strings). */
  filters: Partial<Record<F, string>>;
  sort: S;
  order: Order;
  page: number;
  pageSize: number;
}

/** Parameters to set; an empty value (undefined or '') removes the parameter. */
export type TablePatch<K extends string> = Partial<
  Record<K | 'sort' | 'order' | 'page' | 'pageSize', string | number | undefined>
>;

function positive(v: string | null): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Unknown sorts, orders, pages and page sizes fall back to the defaults, never to an error. */
export function parseTable<F extends string, S extends string>(
  spec: TableSpec<F, S>,
  params: URLSearchParams,
): TableState<F, S> {
  const filters: Partial<Record<F, string>> = {};
  for (const k of spec.filters) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const sort = params.get('sort') ?? '';
  const pageSize = positive(params.get('pageSize')) ?? 0;
  const other: Order = spec.order === 'asc' ? 'desc' : 'asc';
  return {
    filters,
    sort: (spec.sorts as readonly string[]).includes(sort) ? (sort as S) : spec.sort,
    order: params.get('order') === other ? other : spec.order,
    page: positive(params.get('page')) ?? 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/**
 * The parameters after a change: `drop` (e.g. every filter) removed first, then the patch
 * applied. Anything but a page change goes back to page 1: page 7 of another filter means nothing.
 */
export function patchTable(
  prev: URLSearchParams,
  patch: Record<string, string | number | undefined>,
  drop: readonly string[] = [],
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const k of drop) next.delete(k);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  if (!('page' in patch)) next.delete('page');
  return next;
}
