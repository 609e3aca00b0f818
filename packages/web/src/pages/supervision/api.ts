// Supervision endpoints (docs/API.md "Supervision: dashboard, scorecard, 通报"), kept beside the
// pages that use them; the shapes come from @paicha/core/api/supervision.
import type { ScoringRules } from '@paicha/core';
import type { Ok } from '@paicha/core/api/common';
import type {
  Circular,
  CircularSummary,
  CircularTextsInput,
  Dashboard,
  Period,
  Rate,
  Scorecard,
} from '@paicha/core/api/supervision';
import { http } from '../../api/client';
import { downloadFile } from '../../api/transfer';

export type {
  Circular,
  CircularSummary,
  CircularTextsInput,
  Dashboard,
  Period,
  Scorecard,
  ScorecardRow,
} from '@paicha/core/api/supervision';
export type Rules = ScoringRules;

function qs(params: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  return `?${s.toString()}`;
}

const C = '/api/supervision/circulars';

export const supervisionApi = {
  dashboard: (campaignId: number) => http.get<Dashboard>(`/api/supervision/dashboard${qs({ campaignId })}`),
  scorecard: (campaignId: number, p: Period) =>
    http.get<Scorecard>(`/api/supervision/scorecard${qs({ campaignId, ...p })}`),
  exportScorecard: (campaignId: number, p: Period) =>
    downloadFile(`/api/supervision/scorecard/export${qs({ campaignId, ...p })}`, '单位评分排名表.xlsx'),
  rules: () => http.get<Rules>('/api/settings/supervision'),
  saveRules: (rules: Rules) => http.put<Rules>('/api/settings/supervision', rules),
  circulars: (campaignId: number) => http.get<CircularSummary[]>(`${C}${qs({ campaignId })}`),
  circular: (id: number) => http.get<Circular>(`${C}/${id}`),
  createCircular: (campaignId: number, p: Period) => http.post<Circular>(C, { campaignId, ...p }),
  updateCircular: (id: number, body: CircularTextsInput) => http.patch<Circular>(`${C}/${id}`, body),
  refreshCircular: (id: number, version: number) => http.post<Circular>(`${C}/${id}/refresh`, { version }),
  issueCircular: (id: number, version: number) => http.post<Circular>(`${C}/${id}/issue`, { version }),
  deleteCircular: (id: number, version: number) => http.delete<Ok>(`${C}/${id}${qs({ version })}`),
  downloadDocx: (c: Pick<CircularSummary, 'id' | 'title'>) =>
    downloadFile(`${C}/${c.id}/docx`, `${oneLine(c.title)}.docx`),
};

/** A title the office broke into lines, on one line (lists, headers, file names). */
export const oneLine = (title: string) => title.replace(/\s*\n\s*/g, '');

/** 0.6667 → 66.7%, 1 → 100%, null → —, as the server's circular prints rates. */
export function percent(x: Rate): string {
  if (x === null) return '—';
  const s = (Math.round(x * 1000) / 10).toFixed(1);
  return `${s.endsWith('.0') ? s.slice(0, -2) : s}%`;
}
