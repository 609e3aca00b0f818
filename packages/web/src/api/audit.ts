import type { AuditEntry, AuditFilter, AuditPage, AuditStatus } from '@paicha/core/api/audit';
import { http } from './client';
import { downloadFile } from './transfer';

export type { AuditEntry, AuditPage, AuditStatus };

export const auditApi = {
  status: () => http.get<AuditStatus>('/api/audit/status'),
  verify: () => http.post<AuditStatus>('/api/audit/verify'),
};

/** The audit log's filters as the page keeps them (the API's names; dates YYYY-MM-DD). */
export type AuditQuery = Partial<Record<keyof AuditFilter, string>>;

function qs(q: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

export const auditLogApi = {
  entries: (q: AuditQuery & { page: number; pageSize: number }) =>
    http.get<AuditPage>(`/api/audit/entries${qs(q)}`),
  exportEntries: (q: AuditQuery) => downloadFile(`/api/audit/entries/export${qs(q)}`, '审计日志.xlsx'),
};
