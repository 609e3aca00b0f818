import type { AuditStatus } from '@paicha/core/api/audit';
import { http } from './client';

export type { AuditStatus };

export const auditApi = {
  status: () => http.get<AuditStatus>('/api/audit/status'),
  verify: () => http.post<AuditStatus>('/api/audit/verify'),
};
