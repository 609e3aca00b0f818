// Campaigns, their phases and milestones, the check items and their units (/api/campaigns).
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { CATEGORIES, MILESTONE_KINDS } from '../plan/types.js';
import { UNIT_KINDS } from '../plan/units.js';
import { DeadlineInfo } from './calendar.js';
import { Id, IdParam, Int, IntParam } from './integers.js';

export const CampaignSummary = z.object({
  id: z.number(),
  title: z.string(),
  issuer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

/**
 * Which campaign a person sees: their explicit choice (chosenId) if they made one, else the
 * campaign of the day (currentId: running today, else the next to start, else the last ended).
 */
export const CampaignChoice = z.object({
  campaignId: z.number().nullable(),
  currentId: z.number().nullable(),
  chosenId: z.number().nullable(),
});
export type CampaignChoice = z.infer<typeof CampaignChoice>;

/** null forgets the choice: the person follows the campaign of the day again. */
export const ChooseCampaignBody = z.object({ campaignId: Id.nullable() });
export type CampaignChoiceChange = z.infer<typeof ChooseCampaignBody>;

export const Phase = z.object({
  seq: z.number(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string(),
});
export type Phase = z.infer<typeof Phase>;

export const Milestone = z.object({
  id: z.number(),
  kind: z.enum(MILESTONE_KINDS),
  period: z.string().nullable(),
  title: z.string(),
  dueDate: z.string(),
  description: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

export const CampaignDetail = CampaignSummary.extend({
  /** The plan's own 文号 ('' when none). */
  docNumber: z.string(),
  basisDocuments: z.array(z.object({ title: z.string(), docNumber: z.string() })),
  monthlyDueDay: z.number(),
  reportTitle: z.string(),
  reportFooter: z.string(),
  contact: z.string(),
  phases: z.array(Phase),
  milestones: z.array(Milestone),
});
export type Campaign = z.infer<typeof CampaignDetail>;

export const Overview = z.object({
  today: z.string(),
  campaign: CampaignDetail,
  currentPhaseSeq: z.number().nullable(),
  /** `daysLeft` counts to the effective deadline (the campaign's policy on non-working days). */
  upcoming: z.array(z.object({ milestone: Milestone, deadline: DeadlineInfo, daysLeft: z.number() })),
});
export type Overview = z.infer<typeof Overview>;

/** One of the plan's four groups, or '' for an imported item without one. */
export const ItemCategorySchema = z.union([z.enum(CATEGORIES), z.literal('')]);

export const CheckItem = z.object({
  seq: z.number(),
  category: ItemCategorySchema,
  subCategory: z.string(),
  subCategoryCell: z.string(),
  content: z.string(),
  unitsText: z.string(),
  units: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) })),
});
export type CheckItem = z.infer<typeof CheckItem>;

export const CampaignParams = z.object({ id: IdParam });
export const ItemParams = CampaignParams.extend({ seq: IntParam(1) });
export const UnitItemsParams = CampaignParams.extend({ unitId: IdParam });
export const CheckItemsQuery = z.object({ mine: z.enum(['0', '1', 'true', 'false']).optional() });

export const CreateCampaignBody = z.object({
  title: z.string().trim().min(2, '请填写活动名称').max(100),
  // The plan's dates are shifted from here; a start near year 9999 shifted past it (500).
  startDate: z
    .string()
    .refine(isIsoDate, '开始日期格式应为 YYYY-MM-DD')
    .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', '开始日期应在 2000-01-01 至 2099-12-31 之间'),
});
export type NewCampaign = z.infer<typeof CreateCampaignBody>;

export const UpdateCheckItemBody = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    subCategory: z.string().trim().min(1).max(40).optional(),
    content: z.string().trim().min(1, '排查内容不能为空').max(2000).optional(),
    /** The structure version the edit was made on (campaign-structure.ts); omitted: the latest. */
    version: Int(1).optional(),
    /** Why: required once the campaign has started. */
    reason: z.string().trim().max(500).optional(),
  })
  .refine(
    (b) => b.category !== undefined || b.subCategory !== undefined || b.content !== undefined,
    '没有要修改的内容',
  );
export type CheckItemChanges = z.infer<typeof UpdateCheckItemBody>;

export const ItemUnitsBody = z.object({
  unitIds: z.array(Id).max(500),
  version: Int(1).optional(),
  reason: z.string().trim().max(500).optional(),
});
