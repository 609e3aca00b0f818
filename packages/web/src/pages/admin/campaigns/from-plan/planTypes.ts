// The 从方案导入 wizard's state types, apart from the functions over them (planDraft.ts and its
// helpers import these; nothing here imports them back).
import type { Category } from '@paicha/core';
import type { PlanMilestoneDraft, PlanPhaseDraft, PlanPreview } from '@paicha/core/api/campaign-import';

export type NewUnitKind = 'department' | 'street';

/**
 * What an unresolved phrase becomes: existing unit(s), a unit created with the campaign, or nothing.
 * A new unit is named as the plan writes it unless the office corrects the name (区人社局 →
 * 区人力资源和社会保障局); a draft saved before names could be corrected has none.
 */
export type Decision =
  | { kind: 'units'; unitIds: number[] }
  | { kind: 'new'; unitKind: NewUnitKind; name?: string }
  | { kind: 'none' };

/** The name a phrase decided as 新建 gives its unit. */
export const newUnitName = (phrase: string, d: Extract<Decision, { kind: 'new' }>) =>
  (d.name ?? phrase).trim();

export interface PlanInfo {
  title: string;
  docNumber: string;
  reportTitle: string;
  startDate: string | null;
  endDate: string | null;
  monthlyDueDay: number | null;
  /** The first and last month a 月报 is due (YYYY-MM); null: every month after the first. */
  monthlyFirst: string | null;
  monthlyLast: string | null;
  phases: PlanPhaseDraft[];
  milestones: PlanMilestoneDraft[];
}

export interface PlanDraft {
  step: number;
  preview: PlanPreview | null;
  /** By phrase: one decision covers every row naming it. */
  decisions: Record<string, Decision>;
  /** The office's corrections by the item's row in the file (absent in drafts saved before). */
  edits?: Record<number, ItemEdit>;
  info: PlanInfo;
}

/** The office's correction of one previewed item: only what was changed is present. */
export interface ItemEdit {
  category?: Category | null;
  subCategory?: string;
  content?: string;
}
