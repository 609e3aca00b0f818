// Row types of the household-screening tables (migration 2026-11-28-004-households). The
// per-import row tables (household_rows_<id>) are created at run time and typed in
// modules/households/rows-table.ts.
import type { FindingAction, FindingVerification, HouseholdSource, RuleId } from '@paicha/core';
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
  /** core FindingVerification: the street's verdict and the office's decision on a 不属实 */
  verification: Generated<FindingVerification>;
  /** bumped by every verification step; a step names the version it saw */
  version: Generated<number>;
  verification_note: Generated<string>;
  verified_at: string | null;
  /** the village cadre who visits the household (name, optional phone) */
  assignee_name: Generated<string>;
  assignee_phone: Generated<string>;
}

/** A door-to-door visit recorded on a phone; client_id is the phone's own id for it. */
export interface FindingVisitsTable {
  id: Generated<number>;
  client_id: string;
  campaign_id: number;
  unit_id: number;
  household_id: string;
  note: Generated<string>;
  visitor_name: Generated<string>;
  recorded_at: string;
  received_at: string;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
  recorded_by: number;
}

/** One step on a finding: a verification action, an assignment, or a visit's verdict. */
export interface FindingEventsTable {
  id: Generated<number>;
  finding_id: number;
  action: FindingAction | 'assign' | 'visit';
  from_state: FindingVerification;
  to_state: FindingVerification;
  note: Generated<string>;
  visit_id: number | null;
  actor_id: number | null;
  at: string;
}

/** Per run × street × rule that ran: findings open after the run, the roll's households there. */
export interface ScreeningRunTalliesTable {
  run_id: number;
  unit_id: number;
  rule_id: RuleId;
  findings: number;
  households: number;
}

/** A run's findings as found (migration 045): the latest run's only, streamed by (run_id, seq). */
export interface ScreeningRunFindingsTable {
  run_id: number;
  seq: number;
  rule_id: RuleId;
  finding_key: string;
  check_item: number;
  unit_id: number | null;
  township: string;
  village: string;
  household_id: string | null;
  /** the valid 18-digit ID (null for household findings and invalid IDs) */
  id_number: string | null;
  /** the ID as held */
  raw_id: string | null;
  person_name: string | null;
  detail: string;
  /** JSON */
  data: string;
}

export interface HouseholdTables {
  household_uploads: HouseholdUploadsTable;
  household_imports: HouseholdImportsTable;
  household_import_errors: HouseholdImportErrorsTable;
  household_places: HouseholdPlacesTable;
  household_rules: HouseholdRulesTable;
  screening_runs: ScreeningRunsTable;
  screening_run_tallies: ScreeningRunTalliesTable;
  screening_run_findings: ScreeningRunFindingsTable;
  findings: FindingsTable;
  finding_visits: FindingVisitsTable;
  finding_events: FindingEventsTable;
}
