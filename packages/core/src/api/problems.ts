// The problem ledger (/api/problems): a problem's fields and steps, the list and its query,
// counts, the Excel import's report and the export's query.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { CATEGORIES } from '../plan/types.js';
import { PROBLEM_MODES, PROBLEM_SOURCES, PROBLEM_STATUSES } from '../problem.js';
import { DeadlineInfo } from './calendar.js';
import { AttachmentResponse } from './files.js';
import { Id, IdParam, INT_MAX, Int, IntParam, Version } from './integers.js';
import { RuleIdSchema } from './screening.js';

const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);

/** Fields a clerk fills in; shared by create, edit and the Excel import. */
const fields = {
  checkItem: Int(1, INT_MAX, '请选择排查事项'),
  source: z.enum(PROBLEM_SOURCES),
  description: text(2000).min(1, '请填写问题描述'),
  foundDate: isoDate('发现日期'),
  place: text(200),
  householdRef: text(60).nullable(),
  cause: text(2000),
  measures: text(2000),
  responsibleLeader: text(60),
  responsiblePerson: text(60),
  mode: z.enum(PROBLEM_MODES),
  deadline: isoDate('整改时限').nullable(),
  deadlineReason: text(500),
};

export const ProblemFields = z.object({
  ...fields,
  place: fields.place.default(''),
  householdRef: fields.householdRef.default(null),
  cause: fields.cause.default(''),
  measures: fields.measures.default(''),
  responsibleLeader: fields.responsibleLeader.default(''),
  responsiblePerson: fields.responsiblePerson.default(''),
  deadline: fields.deadline.default(null),
  deadlineReason: fields.deadlineReason.default(''),
});
export type ProblemFields = z.infer<typeof ProblemFields>;
/** The clerk-entered fields as a client sends them (fields with a default may be left out). */
export type ProblemFieldsInput = z.input<typeof ProblemFields>;

export const CreateProblemBody = ProblemFields.extend({
  campaignId: Id,
  /** The office may record a problem for any unit (交办); units record for themselves. */
  unitId: Id.optional(),
});
export type NewProblem = z.input<typeof CreateProblemBody>;

/** Only the fields sent are changed (no defaults here, or an edit would blank what it didn't send). */
export const UpdateProblemBody = z.object(fields).partial().extend({ version: Version });
export type ProblemChanges = z.input<typeof UpdateProblemBody>;

export const VersionBody = z.object({ version: Version });
export const ProgressBody = VersionBody.extend({
  date: isoDate('进展日期'),
  text: text(2000).min(1, '请填写整改进展'),
  attachmentIds: z.array(Id).max(20).default([]),
});
export const SubmitBody = VersionBody.extend({ text: text(2000).default('') });
export const ReasonBody = VersionBody.extend({ reason: text(1000).min(1, '请填写理由') });
export const CloseBody = VersionBody.extend({ text: text(1000).default('') });
export const AssignBody = VersionBody.extend({
  unitId: Id,
  deadline: isoDate('整改时限').nullable().optional(),
  /** "N 个工作日内": the deadline is the N-th working day after today (server's calendar); not with `deadline`. */
  workingDays: Int(1, 365, '工作日数应为 1 到 365').optional(),
  reason: text(1000).default(''),
});
export type ProgressInput = z.input<typeof ProgressBody>;
export type SubmitInput = z.input<typeof SubmitBody>;
export type ReasonInput = z.input<typeof ReasonBody>;
export type CloseInput = z.input<typeof CloseBody>;
export type AssignInput = z.input<typeof AssignBody>;

export const ProblemParams = z.object({ id: IdParam });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const SORT_FIELDS = [
  'id',
  'deadline',
  'foundDate',
  'status',
  'unit',
  'checkItem',
  'updatedAt',
] as const;

export const ListQuery = z.object({
  campaignId: IdParam.optional(),
  unit: IdParam.optional(),
  checkItem: IntParam(1).optional(),
  category: z.enum(CATEGORIES).optional(),
  status: csv(PROBLEM_STATUSES).optional(),
  /** One source or several, comma-separated (e.g. every source but 自查). */
  source: csv(PROBLEM_SOURCES).optional(),
  mode: z.enum(PROBLEM_MODES).optional(),
  overdue: z.enum(['0', '1', 'true', 'false']).optional(),
  deadlineFrom: isoDate('起始日期').optional(),
  deadlineTo: isoDate('截止日期').optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORT_FIELDS).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: IntParam(1).default(1),
  pageSize: IntParam(1, 200).default(20),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ProblemView = z.object({
  id: z.number(),
  campaignId: z.number(),
  checkItem: z.number(),
  checkItemContent: z.string(),
  category: z.union([z.enum(CATEGORIES), z.literal('')]),
  subCategory: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  source: z.enum(PROBLEM_SOURCES),
  description: z.string(),
  foundDate: z.string(),
  place: z.string(),
  householdRef: z.string().nullable(),
  cause: z.string(),
  measures: z.string(),
  responsibleLeader: z.string(),
  responsiblePerson: z.string(),
  mode: z.enum(PROBLEM_MODES),
  deadline: z.string().nullable(),
  /**
   * The deadline against the 节假日 calendar: marked when it is not a working day, never moved
   * (a problem's 整改时限 is a date a person chose; see server calendar/deadlines.ts).
   */
  deadlineInfo: DeadlineInfo.nullable(),
  deadlineReason: z.string(),
  status: z.enum(PROBLEM_STATUSES),
  statusLabel: z.string(),
  overdue: z.boolean(),
  returnReason: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  screeningClearedAt: z.string().nullable(),
  /** A 数据比对 group (one problem per street × rule): its rule and findings done / total. */
  findings: z.object({ rule: RuleIdSchema, total: z.number(), done: z.number() }).nullable(),
});
export type Problem = z.infer<typeof ProblemView>;

export const ProblemEvent = z.object({
  id: z.number(),
  at: z.string(),
  date: z.string(),
  kind: z.string(),
  fromStatus: z.enum(PROBLEM_STATUSES).nullable(),
  toStatus: z.enum(PROBLEM_STATUSES).nullable(),
  text: z.string(),
  actor: z.object({ name: z.string(), unit: z.string() }).nullable(),
  attachments: z.array(AttachmentResponse),
});
export type ProblemEvent = z.infer<typeof ProblemEvent>;

/** A problem with its history: what every read and every step answers. */
export const ProblemDetail = z.object({ problem: ProblemView, events: z.array(ProblemEvent) });
export type ProblemDetail = z.infer<typeof ProblemDetail>;

export const ProblemList = z.object({
  items: z.array(ProblemView),
  total: z.number(),
  /** True when a text search stopped counting at 1,000 matches: `total` is then a lower bound. */
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProblemPage = z.infer<typeof ProblemList>;

export const CountsQuery = z.object({
  campaignId: IdParam.optional(),
  groupBy: z.enum(['unit', 'item', 'source']).default('unit'),
});
export type CountsGroupBy = z.infer<typeof CountsQuery>['groupBy'];

export const CountsRow = z.object({
  key: z.number(),
  label: z.string(),
  found: z.number(),
  /** 待整改 + 整改中 + 已退回 (not yet submitted); each of the three also on its own. */
  rectifying: z.number(),
  pending: z.number(),
  inProgress: z.number(),
  returned: z.number(),
  awaitingReview: z.number(),
  rectified: z.number(),
  closed: z.number(),
  overdue: z.number(),
});
export type CountsRow = z.infer<typeof CountsRow>;

/** The export's lists: each its own sheet, or all three in one workbook. */
export const LEDGER_LISTS = ['problems', 'responsibility', 'rectification', 'all'] as const;
export type LedgerList = (typeof LEDGER_LISTS)[number];

export const ExportQuery = ListQuery.extend({ list: z.enum(LEDGER_LISTS).default('all') });

/** check: only check the rows; all: import only if every row passes; valid: import the rows that pass. */
export const IMPORT_MODES = ['check', 'all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ImportQuery = z.object({
  campaignId: IdParam.optional(),
  mode: z.enum(IMPORT_MODES).default('check'),
});

export const ImportReport = z.object({
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  imported: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/**
 * Batches: the office closes, returns or hands over many problems at once, a unit records one
 * progress note on many of its problems. Each problem carries the version it was seen at; the
 * batch is all or nothing (a refused one answers 409 `batch_refused` listing each refusal).
 */
export const BATCH_MAX = 500;
const BatchItems = z
  .array(z.object({ id: Id, version: Version }))
  .min(1, '请至少选择一个问题')
  .max(BATCH_MAX, `一次最多处理${BATCH_MAX}个问题`)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, '同一问题不能重复选择');
export const BatchCloseBody = z.object({ items: BatchItems, text: CloseBody.shape.text });
export const BatchReturnBody = z.object({ items: BatchItems, reason: ReasonBody.shape.reason });
export const BatchAssignBody = z.object({
  items: BatchItems,
  unitId: AssignBody.shape.unitId,
  deadline: AssignBody.shape.deadline,
  workingDays: AssignBody.shape.workingDays,
  reason: AssignBody.shape.reason,
});
export const BatchProgressBody = z.object({
  items: BatchItems,
  date: ProgressBody.shape.date,
  text: ProgressBody.shape.text,
  attachmentIds: ProgressBody.shape.attachmentIds,
});
export type BatchCloseInput = z.input<typeof BatchCloseBody>;
export type BatchReturnInput = z.input<typeof BatchReturnBody>;
export type BatchAssignInput = z.input<typeof BatchAssignBody>;
export type BatchProgressInput = z.input<typeof BatchProgressBody>;

/** A batch done: every problem, in the order sent. */
export const BatchResult = z.object({ done: z.number(), ids: z.array(z.number()) });
export type BatchResult = z.infer<typeof BatchResult>;

/** One refused problem of a batch, in the 409 `batch_refused` answer's `details.refused`. */
export const BatchRefusal = z.object({ id: z.number(), code: z.string(), message: z.string() });
export type BatchRefusal = z.infer<typeof BatchRefusal>;
export interface BatchRefusedDetails {
  total: number;
  refused: BatchRefusal[];
}
