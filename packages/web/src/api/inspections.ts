// 明察暗访 visits (docs/API.md "Supervision"); shapes follow
// packages/server/src/modules/inspections/inspections.schema.ts exactly.
import type { ProblemStatus } from '@paicha/core';
import { http } from './client';
import type { ProblemDetail, ProblemFieldsInput } from './problemTypes';

export const VISIT_TYPES = ['明察', '暗访'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export interface Inspection {
  id: number;
  campaignId: number;
  unit: { id: number; name: string };
  visitDate: string;
  place: string;
  visitType: VisitType;
  inspectors: string;
  findings: string;
  createdAt: string;
  /** Sent back with a change: a visit someone saved since answers 409. */
  version: number;
  /** Problems this visit's findings were turned into (交办 to the visited unit). */
  problems: { id: number; checkItem: number; description: string; status: ProblemStatus }[];
}

export interface InspectionInput {
  unitId: number;
  visitDate: string;
  place: string;
  visitType: VisitType;
  inspectors: string;
  findings: string;
}

export const inspectionsApi = {
  list: (campaignId: number) => http.get<Inspection[]>(`/api/inspections?campaignId=${campaignId}`),
  get: (id: number) => http.get<Inspection>(`/api/inspections/${id}`),
  create: (body: InspectionInput & { campaignId: number }) => http.post<Inspection>('/api/inspections', body),
  update: (id: number, body: Partial<InspectionInput> & { version: number }) =>
    http.patch<Inspection>(`/api/inspections/${id}`, body),
  /** The finding becomes a problem 交办 to the visited unit; the server sets 来源 明察暗访. */
  createProblem: (id: number, body: Omit<ProblemFieldsInput, 'source'>) =>
    http.post<ProblemDetail>(`/api/inspections/${id}/problems`, body),
};
