// Supervision endpoints (docs/API.md "Supervision: dashboard, scorecard, 通报") and their
// response shapes. Kept beside the pages that use them; nothing else calls these routes.
import type { Category, ScoringRules } from '@paicha/core';
import { http } from '../../api/client';
import { downloadFile } from '../../api/transfer';

export type Rate = number | null;

export interface ProblemFigures {
  found: number;
  closed: number;
  overdue: number;
  awaitingReview: number;
  open: number;
  closureRate: Rate;
}

export interface UnitRef {
  id: number;
  name: string;
  kind: string;
}

export interface Dashboard {
  today: string;
  campaign: { id: number; title: string };
  totals: ProblemFigures;
  categories: (ProblemFigures & { category: Category })[];
  units: (ProblemFigures & { unit: UnitRef })[];
  trend: {
    rectificationStart: string;
    rectificationDue: string;
    baseline: { day: string; open: number };
    points: {
      weekEnd: string;
      asOf: string | null;
      found: number | null;
      closed: number | null;
      open: number | null;
      ideal: number | null;
    }[];
  };
  timeliness: {
    periods: { period: string; title: string; dueDate: string }[];
    units: {
      unit: UnitRef;
      expected: number;
      onTime: number;
      late: number;
      missing: number;
      timelinessRate: Rate;
    }[];
    overall: { expected: number; onTime: number; late: number; missing: number; timelinessRate: Rate };
  };
}

export type Rules = ScoringRules;

export interface Tally {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

export interface Figures extends Tally {
  found: number;
  closed: number;
  overdue: number;
  returnedProblems: number;
  returnedReports: number;
  submitted: number;
}

export interface Rates {
  onTimeRate: Rate;
  closureRate: Rate;
  overdueRate: Rate;
  returnRate: Rate;
}

export const GROUPS = ['责任不到位', '工作不主动', '措施不得力', '成效不明显'] as const;
export type Group = (typeof GROUPS)[number];

export interface ScorecardRow {
  unit: UnitRef;
  rank: number | null;
  score: number | null;
  figures: Figures;
  monthly: Tally;
  milestones: Tally;
  rates: Rates;
  groups: { group: Group; reason: string }[];
}

export interface Scorecard {
  campaign: { id: number; title: string; issuer: string };
  period: { from: string; to: string; asOf: string; today: string };
  rules: Rules;
  reportsDue: { title: string; dueDate: string }[];
  units: ScorecardRow[];
  totals: { figures: Figures; rates: Rates };
  categories: { category: Category; found: number; closed: number; overdue: number }[];
  groups: { group: Group; criterion: string; units: { unitId: number; name: string; reason: string }[] }[];
}

export interface CircularSummary {
  id: number;
  campaignId: number;
  status: 'draft' | 'issued';
  version: number;
  title: string;
  docNumber: string;
  periodFrom: string;
  periodTo: string;
  docDate: string;
  figuresAt: string;
  createdAt: string;
  createdBy: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  docxSha256: string | null;
}

export interface CircularSection {
  heading: string;
  paragraphs: string[];
  points?: { lead: string; text: string }[];
  table?: { header: string[]; rows: string[][] };
}

export interface Circular extends CircularSummary {
  intro: string;
  requirements: string;
  deadline: string | null;
  figures: Scorecard;
  document: {
    title: string;
    docNumber: string;
    recipients: string;
    intro: string;
    sections: CircularSection[];
    issuer: string;
    dateText: string;
  };
}

export interface CircularTextsInput {
  version: number;
  title?: string;
  docNumber?: string;
  intro?: string;
  requirements?: string;
  deadline?: string | null;
}

export interface Period {
  from?: string;
  to?: string;
}

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
  deleteCircular: (id: number, version: number) => http.delete<{ ok: true }>(`${C}/${id}${qs({ version })}`),
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
