// Monthly reports (月报表, /api/campaigns/:id/monthly-reports), and the workflow pieces milestone
// submissions share with them: statuses, timeliness, history, the caller's allowed steps, totals.
import { z } from 'zod';
import { phoneProblem } from '../report/phone.js';
import { REPORT_RULE_IDS } from '../report/rules.js';
import { DeadlineInfo } from './calendar.js';
import { CampaignParams } from './campaigns.js';
import { IdParam, Int, Version, VersionOrNew } from './integers.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const text = (max: number) => z.string().max(max, `不能超过${max}字`);

export const PeriodParams = CampaignParams.extend({
  period: z.string().regex(PERIOD, '月份格式应为 YYYY-MM'),
});
export const ReportParams = PeriodParams.extend({ unitId: IdParam });

export const STATUS_VALUES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export const TIMELINESS_VALUES = ['on_time', 'late', 'missing', 'pending', 'not_expected'] as const;
export type ReportStatus = (typeof STATUS_VALUES)[number];
export type Timeliness = (typeof TIMELINESS_VALUES)[number];

export const RowInput = z.object({
  seq: Int(1),
  situation: text(4000).default(''),
  measures: text(4000).default(''),
  progress: text(4000).default(''),
});

export const SaveReportBody = z.object({
  /** The version the client loaded (0 for a report nobody has saved yet). */
  version: VersionOrNew,
  /** 填报人, 审核人, 联系电话: left out, they keep their value (or the prefilled one). */
  fillerName: text(40).trim().optional(),
  reviewerName: text(40).trim().optional(),
  phone: text(40)
    .trim()
    .superRefine((phone, ctx) => {
      const problem = phoneProblem(phone);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  rows: z.array(RowInput).max(200).default([]),
  /**
   * The campaign's structure version the rows' 序号 were read under (the view's structureVersion):
   * a save after the office moved, added or removed items answers 409 instead of filing a text
   * under the item that now has that 序号.
   */
  structureVersion: Int(1).optional(),
});
export type SaveReportInput = z.infer<typeof SaveReportBody>;
/** Fields left out keep their value on the server; rows left out are not touched. */
export type ReportInput = z.input<typeof SaveReportBody>;

export const VersionBody = z.object({ version: Version });
export const ReasonBody = VersionBody.extend({
  reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(500, '原因不能超过500字'),
});
/** Submitting a monthly report: the head's explanation of the rules' warnings, where there are any. */
export const SubmitReportBody = VersionBody.extend({
  explanation: z.string().trim().max(1000, '说明不能超过1000字').optional(),
});
/** The body of a workflow step (submit, accept, return, unlock): the reason only where one is asked. */
export type StepInput = z.input<typeof VersionBody> & { reason?: string; explanation?: string };

export const Counts = z.object({
  found: z.number(),
  rectifying: z.number(),
  awaitingReview: z.number(),
  rectified: z.number(),
  closed: z.number(),
  overdue: z.number(),
});
export type Counts = z.infer<typeof Counts>;

export const HistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  actorUnit: z.string().nullable(),
  reason: z.string().nullable(),
  late: z.boolean().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Actions = z.object({
  save: z.boolean(),
  submit: z.boolean(),
  accept: z.boolean(),
  return: z.boolean(),
  unlock: z.boolean(),
});
/** What the caller may do now (the server decides again on every call). */
export type Allowed = z.infer<typeof Actions>;
export type ReportAction = keyof Allowed;

/** A monthly report's and a milestone submission's shared state: where it stands in the workflow. */
export const WORKFLOW_STATE = {
  today: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  expected: z.boolean(),
  status: z.enum(STATUS_VALUES),
  statusLabel: z.string(),
  version: z.number(),
};

/** …and who moved it when, and whether it came in on time. */
export const WORKFLOW_TRAIL = {
  returnReason: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  timeliness: z.enum(TIMELINESS_VALUES),
  late: z.boolean(),
};

export const Violation = z.object({
  seq: z.number(),
  rule: z.enum(REPORT_RULE_IDS),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Violation = z.infer<typeof Violation>;

const ReportRow = z.object({
  seq: z.number(),
  subCategory: z.string(),
  subCategoryCell: z.string(),
  content: z.string(),
  unitsText: z.string(),
  situation: z.string(),
  measures: z.string(),
  progress: z.string(),
  /** false for an item taken off the unit after it was reported on (kept for the record). */
  assigned: z.boolean(),
  /** Ledger figures: live, or as at submission for a submitted or accepted report (snapshotAt). */
  counts: Counts,
  /** Where an unsaved report's texts came from: last month's report, or the ledger (按台账预填). */
  prefill: z.enum(['previous', 'ledger']).nullable(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportView = z.object({
  campaignId: z.number(),
  period: z.string(),
  milestoneId: z.number(),
  title: z.string(),
  dueDate: z.string(),
  /** The due date with the date that counts under the campaign's policy (timeliness uses `effective`). */
  deadline: DeadlineInfo,
  ...WORKFLOW_STATE,
  fillerName: z.string(),
  reviewerName: z.string(),
  phone: z.string(),
  ...WORKFLOW_TRAIL,
  /** The earlier period whose texts prefilled this report (shown until the first save). */
  prefilledFrom: z.string().nullable(),
  rows: z.array(ReportRow),
  /** The validation rules (core report/rules.ts) over the rows as shown. */
  validation: z.array(Violation),
  /** The unit head's explanation of the warnings, given at submission. */
  explanation: z.string(),
  /** When the rows and figures shown were fixed: the submission (null while the unit edits). */
  snapshotAt: z.string().nullable(),
  /** The campaign's structure version the rows' 序号 belong to (send it back when saving). */
  structureVersion: z.number(),
  history: z.array(HistoryEntry),
  can: Actions,
});
export type ReportViewData = z.infer<typeof ReportView>;
export type MonthlyReport = ReportViewData;

/** 按台账生成: each row's texts written from the ledger's problems of the unit and item. */
export const LedgerTextsView = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
      seq: z.number(),
      found: z.number(),
      situation: z.string(),
      measures: z.string(),
      progress: z.string(),
    }),
  ),
});
export type LedgerTexts = z.infer<typeof LedgerTextsView>;

const Cell = z.object({
  period: z.string(),
  status: z.enum(STATUS_VALUES),
  timeliness: z.enum(TIMELINESS_VALUES),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
/** A cell of a unit × period (or × milestone) grid. */
export type GridCell = Omit<z.infer<typeof Cell>, 'period'>;

export const Totals = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  pending: z.number(),
  /** submitted / expected, null when nothing is expected. */
  completenessRate: z.number().nullable(),
  /** on time / expected. */
  timelinessRate: z.number().nullable(),
});
export type Totals = z.infer<typeof Totals>;

export const ReportGrid = z.object({
  today: z.string(),
  periods: z.array(
    z.object({
      period: z.string(),
      milestoneId: z.number(),
      title: z.string(),
      dueDate: z.string(),
      deadline: DeadlineInfo,
    }),
  ),
  units: z.array(
    z.object({
      unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
      expected: z.boolean(),
      cells: z.array(Cell),
      totals: Totals,
    }),
  ),
  totals: z.array(Totals.extend({ period: z.string() })),
  /** Over every cell that is due or already submitted (open months left out). */
  overall: Totals,
});
export type ReportGrid = z.infer<typeof ReportGrid>;
