import { http } from './client';

/** GET /api/audit/status: the audit log's integrity as this server process last checked it. */
export interface AuditStatus {
  state: 'unchecked' | 'checking' | 'ok' | 'failed';
  checkedAt: string | null;
  rows: number;
  lastId: number | null;
  failure: { id: number | null; reason: string } | null;
}

export const auditApi = {
  status: () => http.get<AuditStatus>('/api/audit/status'),
  verify: () => http.post<AuditStatus>('/api/audit/verify'),
};
