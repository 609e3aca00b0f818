// A campaign from a plan's own 任务分解表 (/api/campaigns/plan-preview, /api/campaigns/from-plan):
// the office uploads the table (.xlsx) or the plan itself (.docx), checks the preview — items with
// their 责任单位 phrases resolved to units, the plan's 时间安排 as phases and milestones — decides
// what did not resolve, and creates the campaign in one transaction.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { CATEGORIES } from '../plan/types.js';
import { PHRASE_KINDS } from '../plan/unit-phrases.js';
import { Id, Int } from './integers.js';

const IsoDate = (label: string) => z.string().refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`);
const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** A unit a phrase might have meant, closest first. */
export const UnitSuggestion = z.object({ unitId: z.number(), name: z.string() });
export type UnitSuggestion = z.infer<typeof UnitSuggestion>;

/**
 * One phrase of a 责任单位 cell: "各街道" → every active street (all_streets), "区各相关部门" →
 * every active department (all_departments), a unit's name → that unit (unit), anything else
 * unresolved with the closest units as suggestions.
 */
export const PlanUnitPhrase = z.object({
  phrase: z.string(),
  kind: z.enum(PHRASE_KINDS),
  unitIds: z.array(z.number()),
  suggestions: z.array(UnitSuggestion),
});
export type PlanUnitPhrase = z.infer<typeof PlanUnitPhrase>;

export const PlanPreviewItem = z.object({
  /** Where the row is in the file (the sheet's row number, or the Word table's row), for messages. */
  row: z.number(),
  seq: z.number(),
  /** The optional 类别 column; null when the table has none (imported tables usually don't). */
  category: z.enum(CATEGORIES).nullable(),
  /** 排查项目, carried down over merged or blank cells. */
  subCategory: z.string(),
  /** 排查项目 as printed in this row ('' where merged with the row above). */
  subCategoryCell: z.string(),
  content: z.string(),
  /** 责任单位 as printed, one phrase a line. */
  unitsText: z.string(),
  units: z.array(PlanUnitPhrase),
  /** What the office should look at in this row (no unit, a blank 排查内容 …). */
  warnings: z.array(z.string()),
});
export type PlanPreviewItem = z.infer<typeof PlanPreviewItem>;

export const PlanPhaseDraft = z.object({
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string(),
});
export type PlanPhaseDraft = z.infer<typeof PlanPhaseDraft>;

/** Milestone kinds a plan's 时间节点 can be; monthly reports come from monthlyPeriods. */
export const PLAN_MILESTONE_KINDS = ['plan', 'problem_list', 'rectification', 'summary'] as const;

export const PlanMilestoneDraft = z.object({
  kind: z.enum(PLAN_MILESTONE_KINDS),
  title: z.string(),
  dueDate: z.string(),
  description: z.string(),
});
export type PlanMilestoneDraft = z.infer<typeof PlanMilestoneDraft>;

/** POST /api/campaigns/plan-preview (multipart, field file: one .xlsx or .docx). Nothing is stored. */
export const PlanPreview = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'docx']),
  /** The plan's title (the document's first line), '' when the file has none (an .xlsx). */
  title: z.string(),
  /** 文号 such as 连扶组办〔2019〕7号, '' when none is found. */
  docNumber: z.string(),
  /** The table's caption (开发区脱贫攻坚工作问题大排查任务分解月报表), the 月报表's title. */
  reportTitle: z.string(),
  /** First and last day of the 时间安排, null when the plan names none. */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** 每月N日前 from the plan, null when not found. */
  monthlyDueDay: z.number().nullable(),
  /** Months a 月报 is due for (YYYY-MM), from "2020年1—6月" or else the campaign's months. */
  monthlyPeriods: z.array(z.string()),
  phases: z.array(PlanPhaseDraft),
  milestones: z.array(PlanMilestoneDraft),
  items: z.array(PlanPreviewItem),
  /** Every distinct unresolved phrase, in table order: the decisions left before creating. */
  unresolved: z.array(z.string()),
  /** About the file as a whole (no 时间安排 found, columns ignored …). */
  warnings: z.array(z.string()),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

const Text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max);

export const FromPlanItem = z.object({
  seq: Int(1, 500),
  category: z.enum(CATEGORIES).nullable().default(null),
  subCategory: Text('排查项目', 40),
  subCategoryCell: z.string().trim().max(40),
  content: Text('排查内容', 2000),
  unitsText: z.string().trim().max(500),
  /** Existing units chosen for the item (resolved phrases expanded, decisions made). */
  unitIds: z.array(Id).max(500),
  /** Units created by this request (names from newUnits) that also take the item. */
  newUnitNames: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
});
export type FromPlanItem = z.input<typeof FromPlanItem>;

export const NEW_UNIT_KINDS = ['department', 'street'] as const;

export const FromPlanBody = z.object({
  title: z.string().trim().min(2, '请填写活动名称').max(100),
  docNumber: z.string().trim().max(60).default(''),
  reportTitle: Text('月报表标题', 100),
  startDate: IsoDate('开始日期').refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    '开始日期应在 2000-01-01 至 2099-12-31 之间',
  ),
  endDate: IsoDate('结束日期').refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    '结束日期应在 2000-01-01 至 2099-12-31 之间',
  ),
  monthlyDueDay: Int(1, 28, '每月报送日应为 1 到 28 之间的整数'),
  /** Months a 月报 is due for; omitted or empty → every month after the campaign's first. */
  monthlyPeriods: z.array(Period).max(60).optional(),
  phases: z
    .array(
      z.object({
        name: Text('阶段名称', 40),
        startDate: IsoDate('阶段开始日期'),
        endDate: IsoDate('阶段结束日期'),
        description: z.string().trim().max(2000).default(''),
      }),
    )
    .max(20),
  milestones: z
    .array(
      z.object({
        kind: z.enum(PLAN_MILESTONE_KINDS),
        title: Text('节点名称', 100),
        dueDate: IsoDate('节点日期'),
        description: z.string().trim().max(2000).default(''),
      }),
    )
    .max(50),
  items: z.array(FromPlanItem).min(1, '至少需要一项排查事项').max(500),
  newUnits: z
    .array(z.object({ name: z.string().trim().min(2).max(40), kind: z.enum(NEW_UNIT_KINDS) }))
    .max(100)
    .default([]),
});
export type FromPlanInput = z.input<typeof FromPlanBody>;

export const FromPlanCreated = z.object({
  id: z.number(),
  title: z.string(),
  itemCount: z.number(),
  unitsCreated: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(NEW_UNIT_KINDS) })),
});
export type FromPlanCreated = z.infer<typeof FromPlanCreated>;

/**
 * The 400 `validation_failed` of from-plan carries details.rows: every item refused and why
 * (no unit, an unknown unit id, a new unit's name not in newUnits, a repeated 序号 …).
 */
export const FromPlanRowError = z.object({ seq: z.number(), message: z.string() });
export type FromPlanRowError = z.infer<typeof FromPlanRowError>;
