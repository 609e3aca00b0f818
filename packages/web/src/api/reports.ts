// Monthly reports (月报) and milestone submissions (节点报送): one function per route, with the
// shapes of the API contract (@paicha/core/api/reports, submissions) re-exported for the pages.
import type { ExportFormat } from '@paicha/core/api/exports';
import type {
  LedgerTexts,
  MonthlyReport,
  ReportAction,
  ReportGrid,
  ReportInput,
  StepInput,
} from '@paicha/core/api/reports';
import type { Submission, SubmissionGrid, SubmissionInput } from '@paicha/core/api/submissions';
import { http } from './client';
import { downloadFile } from './transfer';

export type { ExportFormat } from '@paicha/core/api/exports';
export type {
  Allowed,
  Counts,
  GridCell,
  HistoryEntry,
  LedgerTexts,
  MonthlyReport,
  ReportAction,
  ReportGrid,
  ReportInput,
  ReportRow,
  ReportStatus,
  Timeliness,
  Totals,
  Violation,
} from '@paicha/core/api/reports';
export type { FileKind, Submission, SubmissionGrid, SubmissionInput } from '@paicha/core/api/submissions';

const reportPath = (campaignId: number, period: string, unitId: number) =>
  `/api/campaigns/${campaignId}/monthly-reports/${period}/units/${unitId}`;
const submissionPath = (campaignId: number, milestoneId: number, unitId: number) =>
  `/api/campaigns/${campaignId}/submissions/${milestoneId}/units/${unitId}`;

export const reportsApi = {
  grid: (campaignId: number) => http.get<ReportGrid>(`/api/campaigns/${campaignId}/monthly-reports`),
  get: (campaignId: number, period: string, unitId: number) =>
    http.get<MonthlyReport>(reportPath(campaignId, period, unitId)),
  save: (campaignId: number, period: string, unitId: number, body: ReportInput) =>
    http.put<MonthlyReport>(reportPath(campaignId, period, unitId), body),
  step: (
    campaignId: number,
    period: string,
    unitId: number,
    action: Exclude<ReportAction, 'save'>,
    body: StepInput,
  ) => http.post<MonthlyReport>(`${reportPath(campaignId, period, unitId)}/${action}`, body),
  ledgerTexts: (campaignId: number, period: string, unitId: number) =>
    http.get<LedgerTexts>(`${reportPath(campaignId, period, unitId)}/ledger-texts`),
  download: (campaignId: number, period: string, unitId: number, format: ExportFormat) =>
    downloadFile(`${reportPath(campaignId, period, unitId)}/export?format=${format}`, `月报表.${format}`),
  downloadConsolidated: (campaignId: number, period: string, format: ExportFormat) =>
    downloadFile(
      `/api/campaigns/${campaignId}/monthly-reports/${period}/export?format=${format}`,
      `月报表汇总.${format}`,
    ),
};

export const submissionsApi = {
  grid: (campaignId: number) => http.get<SubmissionGrid>(`/api/campaigns/${campaignId}/submissions`),
  get: (campaignId: number, milestoneId: number, unitId: number) =>
    http.get<Submission>(submissionPath(campaignId, milestoneId, unitId)),
  save: (campaignId: number, milestoneId: number, unitId: number, body: SubmissionInput) =>
    http.put<Submission>(submissionPath(campaignId, milestoneId, unitId), body),
  attachProblemList: (campaignId: number, milestoneId: number, unitId: number, version: number) =>
    http.post<Submission>(`${submissionPath(campaignId, milestoneId, unitId)}/problem-list`, { version }),
  step: (
    campaignId: number,
    milestoneId: number,
    unitId: number,
    action: Exclude<ReportAction, 'save'>,
    body: StepInput,
  ) => http.post<Submission>(`${submissionPath(campaignId, milestoneId, unitId)}/${action}`, body),
};
