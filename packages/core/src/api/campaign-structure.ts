// Editing a campaign's structure: adding, removing and reordering its check items and phases,
// its milestones, and the screening rules' items (/api/campaigns/:id/structure …). Every edit
// names the structure version it was made on (409 when another edit came first); once the
// campaign has started each edit also needs a reason, kept in the change history.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { CATEGORIES, MILESTONE_KINDS } from '../plan/types.js';
import { CampaignParams } from './campaigns.js';
import { Id, IdParam, Int, IntParam } from './integers.js';

/** The version the edit was made on, and why (required once the campaign has started). */
export const StructureEdit = z.object({
  version: Int(1),
  reason: z.string().trim().max(500).optional(),
});
export type StructureEdit = z.infer<typeof StructureEdit>;

const IsoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

export const AddCheckItemBody = StructureEdit.extend({
  category: z.enum(CATEGORIES),
  subCategory: z.string().trim().min(1, '请填写排查项目').max(40),
  content: z.string().trim().min(1, '排查内容不能为空').max(2000),
  unitIds: z.array(Id).max(500).default([]),
  /** 序号 the new item takes (the items from there move down one); omitted: last. */
  seq: Int(1).optional(),
});
export type NewCheckItem = z.input<typeof AddCheckItemBody>;

/** Moves the item to 序号 `to` (the items between shift by one). */
export const MoveBody = StructureEdit.extend({ to: Int(1) });
export type Move = z.infer<typeof MoveBody>;

export const PhaseBody = StructureEdit.extend({
  name: z.string().trim().min(1, '请填写阶段名称').max(60),
  startDate: IsoDate,
  endDate: IsoDate,
  description: z.string().trim().max(2000).default(''),
}).refine((b) => b.startDate <= b.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type PhaseInput = z.input<typeof PhaseBody>;

export const MilestoneBody = StructureEdit.extend({
  kind: z.enum(MILESTONE_KINDS),
  /** YYYY-MM, for a monthly report's milestone only. */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .nullable()
    .default(null),
  title: z.string().trim().min(1, '请填写节点名称').max(100),
  dueDate: IsoDate,
  description: z.string().trim().max(2000).default(''),
}).refine((b) => (b.kind === 'monthly') === (b.period !== null), {
  message: '月报节点须填写月份，其他节点不填',
  path: ['period'],
});
export type MilestoneInput = z.input<typeof MilestoneBody>;

export const PhaseParams = CampaignParams.extend({ seq: IntParam(1) });
export const MilestoneParams = CampaignParams.extend({ milestoneId: IdParam });

export const StructureChange = z.object({
  version: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  summary: z.string(),
  reason: z.string(),
  /** Made after the campaign had started. */
  started: z.boolean(),
  at: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type StructureChange = z.infer<typeof StructureChange>;

export const StructureState = z.object({
  version: z.number(),
  /** The campaign has started (its start date is today or earlier): edits need a reason. */
  started: z.boolean(),
  changes: z.array(StructureChange),
});
export type StructureState = z.infer<typeof StructureState>;

/** Which item a screening rule files its findings under in this campaign (null: none). */
export const RuleItem = z.object({
  ruleId: z.string(),
  title: z.string(),
  /** The 2019 template's 序号 the rule was written for. */
  templateSeq: z.number(),
  checkItem: z.object({ seq: z.number(), subCategory: z.string(), content: z.string() }).nullable(),
});
export type RuleItem = z.infer<typeof RuleItem>;

export const RuleItemParams = CampaignParams.extend({ ruleId: z.string().min(1).max(60) });
/** seq null takes the rule off every item: its findings then wait, reported as unmapped. */
export const RuleItemBody = StructureEdit.extend({ seq: Int(1).nullable() });
export type RuleItemChange = z.infer<typeof RuleItemBody>;

/** What an edit answers: the structure's new version and the 序号 (or milestone id) it left. */
export const StructureResult = z.object({ version: z.number(), at: z.number().nullable() });
export type StructureResult = z.infer<typeof StructureResult>;
