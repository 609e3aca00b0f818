// Response shapes of the household-screening routes (docs/API.md "Household data screening");
// field names follow packages/server/src/modules/households/households.schema.ts exactly.
import type { HouseholdSource, RuleId } from '@paicha/core';

/** Header text as written → field id, or null to ignore the column. */
export type Mapping = Record<string, string | null>;

export interface FieldCatalogue {
  fields: { id: string; label: string }[];
  required: { fields: string[]; label: string }[];
}

export interface UploadPreview {
  upload: { id: string; fileName: string; size: number; format: string };
  source: HouseholdSource;
  encoding: string | null;
  sheet: string | null;
  /** Row number (1-based) of the header row in the file. */
  headerRow: number | null;
  /** Every non-blank header; `field` null = unknown or ignored. */
  columns: { column: number; header: string; field: string | null; fieldLabel: string | null }[];
  unknown: { column: number; header: string }[];
  missing: string[];
  duplicates: { field: string; columns: number[] }[];
  /** A few data rows, cells in the order of `columns`, personal data masked. */
  sample: string[][];
  ok: boolean;
  message: string;
}

export type ImportStatus = 'running' | 'committed' | 'rejected' | 'failed' | 'superseded';

export interface ImportJob {
  id: number;
  source: HouseholdSource;
  sourceLabel: string;
  fileName: string;
  format: string;
  encoding: string | null;
  status: ImportStatus;
  sheet: string | null;
  headerRow: number | null;
  columns: { column: number; header: string; field: string }[];
  unknownHeaders: { column: number; header: string }[];
  mapping: Mapping;
  rows: number;
  accepted: number;
  rejected: number;
  errorCount: number;
  bytesTotal: number;
  bytesRead: number;
  /** 0–1; 1 once finished. */
  progress: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportErrorRow {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ScreeningRuleView {
  id: RuleId;
  checkItem: number;
  scope: 'person' | 'household';
  title: string;
  description: string;
  sources: HouseholdSource[];
  enabled: boolean;
  params: Record<string, unknown>;
  defaults: Record<string, unknown>;
  paramsText: string;
  updatedAt: string;
}

export interface PlaceView {
  id: number;
  name: string;
  households: number;
  unit: { id: number; name: string } | null;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
}

export interface RuleOutcome {
  id: RuleId;
  checkItem: number;
  findings: number;
  /** Why the rule did not run (停用, 缺少数据：…), null when it ran. */
  skipped: string | null;
}

/** What a finished run found; empty while it runs or when it failed. */
export interface ScreeningSummary {
  runId: number;
  campaignId: number;
  imports: Partial<Record<HouseholdSource, number>>;
  rules: RuleOutcome[];
  findings: number;
  unrouted: number;
  new: number;
  stillOpen: number;
  reappeared: number;
  resolved: number;
  problemsCreated: number;
  problemsCleared: number;
  problemsUncleared: number;
  problemsReopened: number;
  durationMs: number;
}

export interface ScreeningRun {
  id: number;
  campaignId: number;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  summary: Partial<ScreeningSummary>;
  message: string;
}

export interface Finding {
  id: number;
  campaignId: number;
  rule: RuleId;
  ruleTitle: string;
  checkItem: number;
  /** null = its 乡镇（街道） name matches no street yet (the office's queue). */
  unit: { id: number; name: string } | null;
  township: string;
  village: string;
  householdId: string | null;
  idNumber: string | null;
  name: string | null;
  detail: string;
  status: 'open' | 'resolved';
  firstRunId: number;
  lastRunId: number;
  resolvedAt: string | null;
  problemId: number | null;
  createdAt: string;
  masked: boolean;
}

export interface FindingPage {
  items: Finding[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HouseholdMember {
  row: number;
  name: string | null;
  idNumber: string | null;
  idValid: boolean;
  isHead: boolean;
  householdSize: number | null;
  category: string | null;
  exitStatus: string | null;
  income: number | null;
  remarks: string | null;
}

export interface HouseholdDetail {
  householdId: string;
  township: string;
  village: string;
  unit: { id: number; name: string } | null;
  importId: number;
  members: HouseholdMember[];
  /** The household's rows in each other source's current import (by 户编号 or member ID). */
  sources: HouseholdSourceRecords[];
  findings: Finding[];
  masked: boolean;
}

export interface HouseholdSourceRecord {
  row: number;
  name: string | null;
  idNumber: string | null;
  fields: { label: string; value: string }[];
}

export interface HouseholdSourceRecords {
  source: HouseholdSource;
  label: string;
  importId: number;
  records: HouseholdSourceRecord[];
}
