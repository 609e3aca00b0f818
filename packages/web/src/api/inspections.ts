// 明察暗访 visits (docs/API.md "Supervision"); shapes from @paicha/core/api/inspections.
import type {
  Inspection,
  InspectionChanges,
  InspectionInput,
  NewInspection,
} from '@paicha/core/api/inspections';
import { http } from './client';
import type { ProblemDetail, ProblemFieldsInput } from './problemTypes';

export type { Inspection, InspectionInput };

export const inspectionsApi = {
  list: (campaignId: number) => http.get<Inspection[]>(`/api/inspections?campaignId=${campaignId}`),
  get: (id: number) => http.get<Inspection>(`/api/inspections/${id}`),
  create: (body: NewInspection) => http.post<Inspection>('/api/inspections', body),
  update: (id: number, body: InspectionChanges) => http.patch<Inspection>(`/api/inspections/${id}`, body),
  /** The finding becomes a problem 交办 to the visited unit; the server sets 来源 明察暗访. */
  createProblem: (id: number, body: Omit<ProblemFieldsInput, 'source'>) =>
    http.post<ProblemDetail>(`/api/inspections/${id}/problems`, body),
};
