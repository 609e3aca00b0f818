// Row types of a campaign and its plan (phases, milestones, check items and who owns them);
// listed in DB in schema.ts.
import type { ItemCategory, MilestoneKind } from '@paicha/core';
import type { Generated } from 'kysely';

export interface CampaignsTable {
  id: Generated<number>;
  title: string;
  issuer: string;
  /** JSON array of {title, docNumber}. */
  basis_documents: string;
  /** The plan's own 文号, '' when none (migration 030). */
  doc_number: Generated<string>;
  start_date: string;
  end_date: string;
  monthly_due_day: number;
  report_title: string;
  report_footer: string;
  contact: string;
  created_at: string;
  /** Moved by every structure edit (items, phases, milestones); an edit naming an older one is refused. */
  structure_version: Generated<number>;
}

/** A person's explicit choice of campaign; without a row they see the current one. */
export interface CampaignChoicesTable {
  user_id: number;
  campaign_id: number;
  chosen_at: string;
}

export interface PhasesTable {
  id: Generated<number>;
  campaign_id: number;
  seq: number;
  name: string;
  start_date: string;
  end_date: string;
  description: string;
}

export interface MilestonesTable {
  id: Generated<number>;
  campaign_id: number;
  kind: MilestoneKind;
  period: string | null;
  title: string;
  due_date: string;
  description: string;
}

export interface CheckItemsTable {
  id: Generated<number>;
  campaign_id: number;
  seq: number;
  category: ItemCategory;
  sub_category: string;
  sub_category_cell: string;
  content: string;
  units_text: string;
  /** Set when the item was taken out of the campaign (its seq is then -id, its units gone). */
  removed_at: string | null;
}

/** One edit of a campaign's structure: the history shown on the campaign page. */
export interface CampaignStructureChangesTable {
  id: Generated<number>;
  campaign_id: number;
  version: number;
  action: string;
  actor_id: number | null;
  at: string;
  /** 1 when the campaign had started (by the clock) when the change was made. */
  started: number;
  reason: string;
  summary: string;
  before_json: string;
  after_json: string;
}

/** The item a screening rule files its findings under in a campaign; no row: the rule has none. */
export interface CampaignRuleItemsTable {
  campaign_id: number;
  rule_id: string;
  check_item_id: number;
}

export interface ItemUnitsTable {
  check_item_id: number;
  unit_id: number;
}
