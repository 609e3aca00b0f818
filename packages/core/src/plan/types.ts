/** The body's four groups of check items (plan §二 一 to 四). */
export const CATEGORIES = ['三落实', '三精准', '三保障', '其他方面'] as const;
export type Category = (typeof CATEGORIES)[number];
/** An item's group: one of the plan's four, or '' for an item of an imported table that has none. */
export type ItemCategory = Category | '';

export interface CheckItemTemplate {
  /** 序号 1–37 in the attachment table. */
  seq: number;
  category: ItemCategory;
  /** 排查项目, filled down over merged cells. */
  subCategory: string;
  /** 排查项目 exactly as printed in this row ('' where the table merges it with the row above). */
  subCategoryCell: string;
  /** 排查内容, verbatim. */
  content: string;
  /** 责任单位 as printed, one unit phrase per line ("各街道", "区各相关部门", "区住建局" …). */
  unitsText: string;
}

export interface PhaseTemplate {
  seq: number;
  name: string;
  startDate: string;
  endDate: string;
  description: string;
}

export const MILESTONE_KINDS = ['plan', 'problem_list', 'monthly', 'rectification', 'summary'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface MilestoneTemplate {
  kind: MilestoneKind;
  /** For monthly reports, the period YYYY-MM the report covers; otherwise null. */
  period: string | null;
  title: string;
  dueDate: string;
  description: string;
}

export interface CampaignTemplate {
  title: string;
  issuer: string;
  /** The plan's own 文号 ('' when it has none, as the built-in plan). */
  docNumber?: string;
  /** 依据文件: the provincial and municipal notices the plan implements. */
  basisDocuments: { title: string; docNumber: string }[];
  startDate: string;
  endDate: string;
  /** Day of month by which monthly reports are due (plan: 每月4日前). */
  monthlyDueDay: number;
  reportTitle: string;
  reportFooter: string;
  contact: string;
  phases: PhaseTemplate[];
  milestones: MilestoneTemplate[];
  checkItems: readonly CheckItemTemplate[];
}
