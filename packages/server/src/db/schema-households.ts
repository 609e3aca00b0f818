// Row types of the household-screening tables (migration 2026-11-28-004-households). The
// per-import row tables (household_rows_<id>) are created at run time and typed in
// modules/households/rows-table.ts.
import type { HouseholdSource, RuleId } from '@paicha/core';
import type { Generated } from 'kysely';

export interface HouseholdUploadsTable {
  id: string;
  file_name: string;
  path: string;
  size: number;
  format: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export type HouseholdImportStatus = 'running' | 'committed' | 'rejected' | 'failed' | 'superseded';

export interface HouseholdImportsTable {
  id: Generated<number>;
  source: HouseholdSource;
  file_name: string;
  format: string;
  encoding: string | null;
  status: HouseholdImportStatus;
  rows_table: string | null;
  sheet: string | null;
  header_row: number | null;
  /** JSON */
  mapping: Generated<string>;
  /** JSON */
  columns: Generated<string>;
  /** JSON */
  unknown_headers: Generated<string>;
  rows: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  error_count: Generated<number>;
  bytes_total: Generated<number>;
  bytes_read: Generated<number>;
  message: Generated<string>;
  created_by: number | null;
  created_at: string;
  heartbeat_at: string;
  /** host:pid of the process running the import (lib/process-owner.ts). */
  owner: Generated<string>;
  finished_at: string | null;
}

export interface HouseholdImportErrorsTable {
  id: Generated<number>;
  import_id: number;
  row_no: number;
  column_name: string;
  value: Generated<string>;
  message: string;
}

export interface HouseholdPlacesTable {
  id: Generated<number>;
  name: string;
  unit_id: number | null;
  households: Generated<number>;
  first_seen_at: string;
  last_seen_at: string;
  resolved_by: number | null;
  resolved_at: string | null;
}

export interface HouseholdRulesTable {
  id: string;
  enabled: number;
  /** JSON, validated by the core RULE_PARAM_SCHEMAS. */
  params: string;
  updated_by: number | null;
  updated_at: string;
}

export interface ScreeningRunsTable {
  id: Generated<number>;
  campaign_id: number;
  status: 'running' | 'done' | 'failed';
  started_at: string;
  finished_at: string | null;
  started_by: number | null;
  /** JSON */
  imports: Generated<string>;
  /** JSON */
  rules: Generated<string>;
  /** JSON */
  summary: Generated<string>;
  message: Generated<string>;
  /** host:pid of the process running it */
  owner: Generated<string>;
  heartbeat_at: string | null;
}

export interface FindingsTable {
  id: Generated<number>;
  campaign_id: number;
  finding_key: string;
  rule_id: RuleId;
  check_item: number;
  unit_id: number | null;
  township: Generated<string>;
  village: Generated<string>;
  household_id: string | null;
  id_number: string | null;
  person_name: string | null;
  detail: string;
  /** JSON */
  data: Generated<string>;
  first_run_id: number;
  last_run_id: number;
  resolved_at: string | null;
  resolved_run_id: number | null;
  problem_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface HouseholdTables {
  household_uploads: HouseholdUploadsTable;
  household_imports: HouseholdImportsTable;
  household_import_errors: HouseholdImportErrorsTable;
  household_places: HouseholdPlacesTable;
  household_rules: HouseholdRulesTable;
  screening_runs: ScreeningRunsTable;
  findings: FindingsTable;
}
