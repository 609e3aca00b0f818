// Endpoint functions of a finding's verification and the 入户核实 visits (docs/API.md "Finding
// verification"). Shapes come from the API contract, type-only.
import type {
  BatchResult,
  BatchStep,
  Decision,
  FindingHistory,
  NewVisit,
  StreetStep,
  Visit,
  VisitQueue,
} from '@paicha/core/api/verification';
import { http } from './client';
import type { Finding } from './householdTypes';

export type {
  BatchResult,
  BatchStep,
  Decision,
  FindingEvent,
  FindingHistory,
  NewVisit,
  StreetStep,
  Visit,
  VisitQueue,
  VisitQueueItem,
} from '@paicha/core/api/verification';

const hh = (householdId: string) => `/api/households/households/${encodeURIComponent(householdId)}`;

export const verificationApi = {
  step: (id: number, body: StreetStep) =>
    http.post<Finding>(`/api/households/findings/${id}/verification`, body),
  decide: (id: number, body: Decision) => http.post<Finding>(`/api/households/findings/${id}/decision`, body),
  history: (id: number) => http.get<FindingHistory>(`/api/households/findings/${id}/history`),
  batch: (body: BatchStep) => http.post<BatchResult>('/api/households/finding-batches', body),
  queue: (q: { q?: string; page: number; pageSize: number }) => {
    const s = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
    if (q.q) s.set('q', q.q);
    return http.get<VisitQueue>(`/api/households/visit-queue?${s}`);
  },
  visits: (householdId: string) => http.get<{ items: Visit[] }>(`${hh(householdId)}/visits`),
  recordVisit: (householdId: string, body: NewVisit) => http.post<Visit>(`${hh(householdId)}/visits`, body),
};
