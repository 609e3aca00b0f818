// The audit log's filters and page live in the URL like the ledger's, so a link (from a problem,
// a user) reproduces the view. Newest first is the only order: the log is read that way.
import { useMemo } from 'react';
import type { AuditQuery } from '../../../api/audit';
import type { TableSpec } from '../../../hooks/tableQuery';
import { useTableQuery } from '../../../hooks/useTableQuery';

export const AUDIT_FILTERS = ['actor', 'unit', 'entity', 'entityId', 'action', 'from', 'to'] as const;
type AuditFilterName = (typeof AUDIT_FILTERS)[number];

const AUDIT_TABLE: TableSpec<AuditFilterName, 'id'> = {
  filters: AUDIT_FILTERS,
  sorts: ['id'],
  sort: 'id',
  order: 'desc',
};

export function useAuditQuery() {
  const { filters, page, pageSize, update, clearFilters } = useTableQuery(AUDIT_TABLE);
  const query = useMemo<AuditQuery>(() => ({ ...filters }), [filters]);
  return { query, page, pageSize, update, clear: clearFilters };
}
