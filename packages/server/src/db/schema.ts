// Row types of every table, as Kysely sees them. Conventions (see docs/ARCHITECTURE.md):
// instants are ISO-8601 UTC text, calendar dates 'YYYY-MM-DD' text, booleans 0/1 integers —
// the same representation on SQLite and PostgreSQL, so one query code serves both.
import type {
  Category,
  MilestoneKind,
  ProblemMode,
  ProblemSource,
  ProblemStatus,
  Role,
  UnitKind,
} from '@paicha/core';
import type { Generated } from 'kysely';
import type { CircularsTable } from './schema-circulars.js';
import type { HouseholdTables } from './schema-households.js';
import type {
  InspectionsTable,
  NotificationReadsTable,
  NotificationsTable,
  SettingsTable,
} from './schema-supervision.js';

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  kind: UnitKind;
  sort_order: number;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  role: Role;
  password_hash: string;
  active: number;
  email: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked database does not leak live sessions. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
}

/**
 * One counter of the login and password-change limiter (modules/auth/limiter.ts), locked and
 * updated in the same transaction that decides whether the attempt may proceed.
 */
export interface LoginLimitsTable {
  /** pair (username + address) | address (all usernames) | password (change by user id). */
  scope: string;
  /** The username (pair), the user id (password), '' (address). */
  subject: string;
  /** The client address, '' for password. */
  ip: string;
  /** Attempts counted (pair, password: since the last success; address: in the window). */
  failures: number;
  window_start: string;
  /** No attempt is evaluated before this instant. */
  next_at: string;
  updated_at: string;
}

export interface CampaignsTable {
  id: Generated<number>;
  title: string;
  issuer: string;
  /** JSON array of {title, docNumber}. */
  basis_documents: string;
  start_date: string;
  end_date: string;
  monthly_due_day: number;
  report_title: string;
  report_footer: string;
  contact: string;
  created_at: string;
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
  category: Category;
  sub_category: string;
  sub_category_cell: string;
  content: string;
  units_text: string;
}

export interface ItemUnitsTable {
  check_item_id: number;
  unit_id: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON. */
  detail: string;
  prev_hash: string;
  /**
   * HMAC-SHA256 with the audit key over prev_hash + canonical row (plain SHA-256 for rows written
   * before the key existed, up to audit_seal.legacy_last_id): editing a row breaks the chain, and
   * re-computing it needs the key, which is kept outside the database.
   */
  hash: string;
}

/** One row (id 1): see migrations/2026-12-03-011-audit-anchor.ts. */
export interface AuditSealTable {
  id: number;
  legacy_last_id: number;
  legacy_last_hash: string;
  key_check: string;
  sealed_at: string;
  mac: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  unit_id: number;
  uploaded_by: number;
  uploaded_at: string;
  entity: string | null;
  entity_id: number | null;
}

export interface ProblemsTable {
  id: Generated<number>;
  campaign_id: number;
  check_item_id: number;
  unit_id: number;
  source: ProblemSource;
  description: string;
  found_date: string;
  place: string;
  household_ref: string | null;
  cause: string;
  measures: string;
  responsible_leader: string;
  responsible_person: string;
  mode: ProblemMode;
  deadline: string | null;
  deadline_reason: string;
  status: ProblemStatus;
  version: Generated<number>;
  return_reason: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  closed_at: string | null;
  finding_key: string | null;
  screening_cleared_at: string | null;
  inspection_id: Generated<number | null>;
}

/** Problems per key, kept by triggers on problems (migration 2026-12-03-009). */
export interface ProblemTalliesTable {
  campaign_id: number;
  unit_id: number;
  check_item_id: number;
  source: ProblemSource;
  status: ProblemStatus;
  mode: ProblemMode;
  /** '' when the problem has no deadline. */
  deadline: string;
  n: number;
}

export interface ProblemEventsTable {
  id: Generated<number>;
  problem_id: number;
  at: string;
  /** The day the clerk says the step happened (progress entries are dated by the unit). */
  event_date: string;
  actor_id: number | null;
  kind: string;
  from_status: ProblemStatus | null;
  to_status: ProblemStatus | null;
  text: string;
  /** JSON. */
  detail: string;
}

/** draft → submitted → accepted (locked) | returned → submitted …; see modules/reports/workflow.ts. */
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface MonthlyReportsTable {
  id: Generated<number>;
  campaign_id: number;
  milestone_id: number;
  unit_id: number;
  /** YYYY-MM, copied from the monthly milestone. */
  period: string;
  status: ReportStatus;
  version: number;
  filler_name: string;
  reviewer_name: string;
  phone: string;
  return_reason: string;
  first_submitted_at: string | null;
  /** China date of the first submission: timeliness compares it with the milestone's due date. */
  first_submitted_on: string | null;
  submitted_at: string | null;
  submitted_on: string | null;
  submitted_by: number | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

export interface MonthlyReportRowsTable {
  report_id: number;
  check_item_id: number;
  /** 排查情况 */
  situation: string;
  /** 整改措施 */
  measures: string;
  /** 整改进度 */
  progress: string;
}

export interface SubmissionsTable {
  id: Generated<number>;
  campaign_id: number;
  milestone_id: number;
  unit_id: number;
  status: ReportStatus;
  version: number;
  content: string;
  experience: string;
  institutions: string;
  return_reason: string;
  first_submitted_at: string | null;
  first_submitted_on: string | null;
  submitted_at: string | null;
  submitted_on: string | null;
  submitted_by: number | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

export interface SubmissionFilesTable {
  submission_id: number;
  attachment_id: number;
  /** scan (盖章扫描件) | problem_list (台账导出的问题清单) | other (电子档等). */
  kind: string;
  added_by: number | null;
  added_at: string;
}

export interface DB extends HouseholdTables {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  login_limits: LoginLimitsTable;
  campaigns: CampaignsTable;
  phases: PhasesTable;
  milestones: MilestonesTable;
  check_items: CheckItemsTable;
  item_units: ItemUnitsTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  attachments: AttachmentsTable;
  problems: ProblemsTable;
  problem_tallies: ProblemTalliesTable;
  problem_events: ProblemEventsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  settings: SettingsTable;
  inspections: InspectionsTable;
  monthly_reports: MonthlyReportsTable;
  monthly_report_rows: MonthlyReportRowsTable;
  submissions: SubmissionsTable;
  submission_files: SubmissionFilesTable;
  circulars: CircularsTable;
}
