// Dashboard, unit scorecard and 通报 (/api/supervision/*, /api/settings/supervision). The server
// validates and strips its answers to these schemas; the web takes its types from them.

import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { CATEGORIES } from '../plan/types.js';
import { CRITICISM_GROUPS } from '../scoring-rules.js';
import { Id, IdParam, Int, IntParam, Version } from './integers.js';

const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const count = Int(0, 1000);

export const CampaignQuery = z.object({ campaignId: IdParam });
export const ScorecardQuery = CampaignQuery.extend({
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;
/** The period a client asks the scorecard for (the campaign's whole run when left out). */
export type Period = Omit<z.input<typeof ScorecardQuery>, 'campaignId'>;

export const RulesBody = z.object({
  weights: z.object({
    onTime: count,
    closure: count,
    overdue: count,
    returns: count,
  }),
  thresholds: z.object({
    overdueAtLeast: count.min(1, '至少为1'),
    missingAtLeast: count.min(1, '至少为1'),
    lateOrMissingAtLeast: count.min(1, '至少为1'),
    returnedAtLeast: count.min(1, '至少为1'),
    closureRateBelow: z.number().min(0).max(100, '不超过100'),
  }),
});

export const CircularParams = z.object({ id: IdParam });
export const CreateCircularBody = z.object({
  campaignId: Id,
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
});
const text = (max: number) => z.string().max(max, `不超过${max}字`);
export const UpdateCircularBody = z.object({
  version: Version,
  title: text(100).trim().min(4, '请填写标题').optional(),
  docNumber: text(40).trim().optional(),
  intro: text(2000).trim().min(1, '请填写开头语').optional(),
  requirements: text(6000).trim().optional(),
  deadline: isoDate('反馈时限').nullable().optional(),
});
export type UpdateCircularBody = z.infer<typeof UpdateCircularBody>;
export type CircularTextsInput = z.input<typeof UpdateCircularBody>;
export const VersionBody = z.object({ version: Version });
export const VersionQuery = z.object({ version: IntParam(1) });

const unitRef = z.object({ id: z.number(), name: z.string(), kind: z.string() });
const rate = z.number().nullable();
export type Rate = z.infer<typeof rate>;
const tally = z.object({ expected: z.number(), onTime: z.number(), late: z.number(), missing: z.number() });
const figures = tally.extend({
  found: z.number(),
  closed: z.number(),
  overdue: z.number(),
  returnedProblems: z.number(),
  returnedReports: z.number(),
  submitted: z.number(),
});
const rates = z.object({ onTimeRate: rate, closureRate: rate, overdueRate: rate, returnRate: rate });

/**
 * A unit's 数据比对 findings, counted apart from its problems (a street × rule problem holds many):
 * found (routed to it), verified (checked at the household: no longer 待核实), cleared (a later
 * screening no longer finds it), 不属实 accepted by the office, and done (cleared or 不属实).
 */
const findingFigures = z.object({
  found: z.number(),
  verified: z.number(),
  cleared: z.number(),
  disputeAccepted: z.number(),
  done: z.number(),
});
export type FindingFigures = z.infer<typeof findingFigures>;

const ScorecardRowView = z.object({
  unit: unitRef,
  rank: z.number().nullable(),
  score: z.number().nullable(),
  figures,
  monthly: tally,
  milestones: tally,
  rates,
  groups: z.array(z.object({ group: z.enum(CRITICISM_GROUPS), reason: z.string() })),
  findings: findingFigures,
});
export type ScorecardRow = z.infer<typeof ScorecardRowView>;

export const ScorecardView = z.object({
  campaign: z.object({
    id: z.number(),
    title: z.string(),
    issuer: z.string(),
    basisDocuments: z.array(z.object({ title: z.string(), docNumber: z.string() })),
  }),
  period: z.object({ from: z.string(), to: z.string(), asOf: z.string(), today: z.string() }),
  rules: RulesBody,
  reportsDue: z.array(z.object({ title: z.string(), dueDate: z.string() })),
  units: z.array(ScorecardRowView),
  totals: z.object({ figures, rates, findings: findingFigures }),
  categories: z.array(
    z.object({ category: z.enum(CATEGORIES), found: z.number(), closed: z.number(), overdue: z.number() }),
  ),
  groups: z.array(
    z.object({
      group: z.enum(CRITICISM_GROUPS),
      criterion: z.string(),
      units: z.array(z.object({ unitId: z.number(), name: z.string(), reason: z.string() })),
    }),
  ),
});
export type Scorecard = z.infer<typeof ScorecardView>;

const problemFigures = z.object({
  found: z.number(),
  closed: z.number(),
  overdue: z.number(),
  awaitingReview: z.number(),
  /** 待整改, 整改中 (only those in progress) and 已退回: the open problems not awaiting review. */
  pending: z.number(),
  inProgress: z.number(),
  returned: z.number(),
  open: z.number(),
  closureRate: rate,
});

export const DashboardView = z.object({
  today: z.string(),
  campaign: z.object({ id: z.number(), title: z.string() }),
  /** The office's 成效不明显 threshold (percent): a closure rate below it is a warning. */
  closureRateBelow: z.number(),
  totals: problemFigures,
  categories: z.array(problemFigures.extend({ category: z.enum(CATEGORIES) })),
  units: z.array(problemFigures.extend({ unit: unitRef })),
  findings: z.object({ totals: findingFigures, units: z.array(findingFigures.extend({ unit: unitRef })) }),
  trend: z.object({
    rectificationStart: z.string(),
    rectificationDue: z.string(),
    baseline: z.object({ day: z.string(), open: z.number() }),
    points: z.array(
      z.object({
        weekEnd: z.string(),
        asOf: z.string().nullable(),
        found: z.number().nullable(),
        closed: z.number().nullable(),
        open: z.number().nullable(),
        ideal: z.number().nullable(),
      }),
    ),
  }),
  timeliness: z.object({
    periods: z.array(z.object({ period: z.string(), title: z.string(), dueDate: z.string() })),
    units: z.array(
      z.object({
        unit: unitRef,
        expected: z.number(),
        onTime: z.number(),
        late: z.number(),
        missing: z.number(),
        timelinessRate: rate,
      }),
    ),
    overall: z.object({
      expected: z.number(),
      submitted: z.number(),
      onTime: z.number(),
      late: z.number(),
      missing: z.number(),
      pending: z.number(),
      completenessRate: rate,
      timelinessRate: rate,
    }),
  }),
});
export type Dashboard = z.infer<typeof DashboardView>;

const section = z.object({
  heading: z.string(),
  paragraphs: z.array(z.string()),
  points: z.array(z.object({ lead: z.string(), text: z.string() })).optional(),
  table: z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())) }).optional(),
});

export const CircularSummary = z.object({
  id: z.number(),
  campaignId: z.number(),
  status: z.enum(['draft', 'issued']),
  version: z.number(),
  title: z.string(),
  docNumber: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  docDate: z.string(),
  figuresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  issuedAt: z.string().nullable(),
  issuedBy: z.string().nullable(),
  docxSha256: z.string().nullable(),
});
export type CircularSummary = z.infer<typeof CircularSummary>;

export const CircularView = CircularSummary.extend({
  intro: z.string(),
  requirements: z.string(),
  deadline: z.string().nullable(),
  figures: ScorecardView,
  document: z.object({
    title: z.string(),
    docNumber: z.string(),
    recipients: z.string(),
    intro: z.string(),
    sections: z.array(section),
    issuer: z.string(),
    dateText: z.string(),
  }),
});
export type Circular = z.infer<typeof CircularView>;
