import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseTable, patchTable, type TablePatch, type TableSpec } from './tableQuery';

/**
 * A table's filters, sort, order and page kept in the URL (see tableQuery.ts). `E` names further
 * parameters the page keeps beside the table (the ledger's tab), which `update` may set too.
 * `spec` must be a module constant.
 */
export function useTableQuery<F extends string, S extends string, E extends string = never>(
  spec: TableSpec<F, S>,
) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseTable(spec, params), [spec, params]);

  /**
   * Applies the patch; `resetFilters` first drops every filter (one navigation, so the two
   * cannot race).
   */
  const update = useCallback(
    (patch: TablePatch<F | E>, resetFilters = false) =>
      setParams((prev) => patchTable(prev, patch, resetFilters ? spec.filters : [])),
    [setParams, spec],
  );
  const clearFilters = useCallback(() => update({}, true), [update]);

  return { ...state, params, update, clearFilters };
}
