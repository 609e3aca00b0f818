// Monthly reports (月报) and milestone submissions (节点报送): response shapes (docs/API.md
// "Monthly reports and submissions") and one function per route.
import { http } from './client';
import { downloadFile } from './transfer';

export type ReportStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted';
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending' | 'not_expected';
export type ReportAction = 'save' | 'submit' | 'accept' | 'return' | 'unlock';

export interface Counts {
  found: number;
  rectifying: number;
  awaitingReview: number;
  rectified: number;
  closed: number;
  overdue: number;
}

export interface HistoryEntry {
  at: string;
  action: 'create' | 'save' | 'submit' | 'accept' | 'return' | 'unlock' | 'problem_list' | string;
  actor: string | null;
  actorUnit: string | null;
  reason: string | null;
  late: boolean | null;
}

/** What the caller may do now (the server decides again on every call). */
export type Allowed = Record<ReportAction, boolean>;

interface Workflow {
  unit: { id: number; name: string };
  expected: boolean;
  status: ReportStatus;
  statusLabel: string;
  version: number;
  returnReason: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  timeliness: Timeliness;
  late: boolean;
  today: string;
  history: HistoryEntry[];
  can: Allowed;
}

export interface ReportRow {
  seq: number;
  subCategory: string;
  subCategoryCell: string;
  content: string;
  unitsText: string;
  situation: string;
  measures: string;
  progress: string;
  assigned: boolean;
  counts: Counts;
}

export interface MonthlyReport extends Workflow {
  campaignId: number;
  period: string;
  milestoneId: number;
  title: string;
  dueDate: string;
  fillerName: string;
  reviewerName: string;
  phone: string;
  prefilledFrom: string | null;
  rows: ReportRow[];
}

/** Fields left out keep their value on the server; rows left out are not touched. */
export interface ReportInput {
  version: number;
  fillerName?: string;
  reviewerName?: string;
  phone?: string;
  rows: { seq: number; situation: string; measures: string; progress: string }[];
}

export interface Totals {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  completenessRate: number | null;
  timelinessRate: number | null;
}

export interface GridCell {
  status: ReportStatus;
  timeliness: Timeliness;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
}

export interface GridUnit<C> {
  unit: { id: number; name: string; kind: string };
  /** false: the unit carries no check item in the campaign and is not expected to report. */
  expected: boolean;
  cells: C[];
  totals: Totals;
}

export interface ReportGrid {
  today: string;
  periods: { period: string; milestoneId: number; title: string; dueDate: string }[];
  units: GridUnit<GridCell & { period: string }>[];
  totals: (Totals & { period: string })[];
  overall: Totals;
}

export type FileKind = 'scan' | 'problem_list' | 'other';

export interface SubmissionFile {
  id: number;
  name: string;
  size: number;
  mime: string;
  kind: FileKind;
  uploadedAt: string;
}

export interface Submission extends Workflow {
  campaignId: number;
  milestone: { id: number; kind: string; title: string; dueDate: string; description: string };
  content: string;
  experience: string;
  institutions: string;
  files: SubmissionFile[];
  needs: { summaryFields: boolean; problemList: boolean };
}

export interface SubmissionInput {
  version: number;
  content: string;
  experience: string;
  institutions: string;
  files: { attachmentId: number; kind: FileKind }[];
}

export interface SubmissionGrid {
  today: string;
  milestones: { id: number; kind: string; title: string; dueDate: string }[];
  units: GridUnit<GridCell & { milestoneId: number }>[];
  totals: (Totals & { milestoneId: number })[];
  overall: Totals;
}

const reportPath = (campaignId: number, period: string, unitId: number) =>
  `/api/campaigns/${campaignId}/monthly-reports/${period}/units/${unitId}`;
const submissionPath = (campaignId: number, milestoneId: number, unitId: number) =>
  `/api/campaigns/${campaignId}/submissions/${milestoneId}/units/${unitId}`;

export type ExportFormat = 'xlsx' | 'docx';

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
    body: { version: number; reason?: string },
  ) => http.post<MonthlyReport>(`${reportPath(campaignId, period, unitId)}/${action}`, body),
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
    body: { version: number; reason?: string },
  ) => http.post<Submission>(`${submissionPath(campaignId, milestoneId, unitId)}/${action}`, body),
};
