// Milestone submissions (节点报送, /api/campaigns/:id/submissions): texts and sealed scans per unit
// and milestone, on the same workflow as the monthly reports.
import { z } from 'zod';
import { DeadlineInfo } from './calendar.js';
import { CampaignParams } from './campaigns.js';
import { Id, IdParam, VersionOrNew } from './integers.js';
import {
  Actions,
  HistoryEntry,
  STATUS_VALUES,
  TIMELINESS_VALUES,
  Totals,
  WORKFLOW_STATE,
  WORKFLOW_TRAIL,
} from './reports.js';

const text = (max: number) => z.string().max(max, `不能超过${max}字`);

/** scan: the sealed paper copy (PDF/image); problem_list: the ledger's 问题清单; other: 电子档 etc. */
export const FILE_KINDS = ['scan', 'problem_list', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const SubmissionParams = CampaignParams.extend({
  milestoneId: IdParam,
  unitId: IdParam,
});

export const SaveSubmissionBody = z.object({
  version: VersionOrNew,
  /** 工作方案 / 排查结果 / 整改结果 / 总结: the submission's text. */
  content: text(20000).optional(),
  /** 06-30 summary only: 经验做法. */
  experience: text(20000).optional(),
  /** 06-30 summary only: 建章立制 (rules and institutions established). */
  institutions: text(20000).optional(),
  /** The full set of files the submission should hold; left out, files stay as they are. */
  files: z
    .array(z.object({ attachmentId: Id, kind: z.enum(FILE_KINDS) }))
    .max(50)
    .optional(),
});
export type SaveSubmissionInput = z.infer<typeof SaveSubmissionBody>;
export type SubmissionInput = z.input<typeof SaveSubmissionBody>;

/** Attaching the 问题清单 may be the submission's first save (version 0). */
export const ProblemListBody = z.object({ version: VersionOrNew });

const SubmissionFile = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  kind: z.enum(FILE_KINDS),
  uploadedAt: z.string(),
});
export type SubmissionFile = z.infer<typeof SubmissionFile>;

export const SubmissionView = z.object({
  campaignId: z.number(),
  milestone: z.object({
    id: z.number(),
    kind: z.string(),
    title: z.string(),
    dueDate: z.string(),
    description: z.string(),
  }),
  deadline: DeadlineInfo,
  ...WORKFLOW_STATE,
  content: z.string(),
  experience: z.string(),
  institutions: z.string(),
  ...WORKFLOW_TRAIL,
  files: z.array(SubmissionFile),
  /** What this milestone asks for, so the form shows the right fields. */
  needs: z.object({ summaryFields: z.boolean(), problemList: z.boolean() }),
  history: z.array(HistoryEntry),
  can: Actions,
});
export type SubmissionViewData = z.infer<typeof SubmissionView>;
export type Submission = SubmissionViewData;

export const SubmissionGrid = z.object({
  today: z.string(),
  milestones: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      dueDate: z.string(),
      deadline: DeadlineInfo,
    }),
  ),
  units: z.array(
    z.object({
      unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
      expected: z.boolean(),
      cells: z.array(
        z.object({
          milestoneId: z.number(),
          status: z.enum(STATUS_VALUES),
          timeliness: z.enum(TIMELINESS_VALUES),
          firstSubmittedAt: z.string().nullable(),
          submittedAt: z.string().nullable(),
        }),
      ),
      totals: Totals,
    }),
  ),
  totals: z.array(Totals.extend({ milestoneId: z.number() })),
  overall: Totals,
});
export type SubmissionGrid = z.infer<typeof SubmissionGrid>;
