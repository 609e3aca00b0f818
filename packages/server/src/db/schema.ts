// Row types of every table, as Kysely sees them, one file per area (schema-*.ts). Conventions
// (see docs/ARCHITECTURE.md): instants are ISO-8601 UTC text, calendar dates 'YYYY-MM-DD' text,
// booleans 0/1 integers — the same representation on SQLite and PostgreSQL, so one query code
// serves both.
import type {
  ExportLeasesTable,
  LoginAttemptsTable,
  LoginLimitsTable,
  SessionsTable,
  UnitsTable,
  UsersTable,
} from './schema-accounts.js';
import type { AuditLogTable, AuditSealTable } from './schema-audit.js';
import type {
  CalendarDaysTable,
  CalendarStampTable,
  CampaignDeadlinePoliciesTable,
} from './schema-calendar.js';
import type {
  CampaignChoicesTable,
  CampaignRuleItemsTable,
  CampaignStructureChangesTable,
  CampaignsTable,
  CheckItemsTable,
  ItemUnitsTable,
  MilestonesTable,
  PhasesTable,
} from './schema-campaigns.js';
import type { CircularsTable } from './schema-circulars.js';
import type { HouseholdTables } from './schema-households.js';
import type {
  AttachmentsTable,
  ProblemEventsTable,
  ProblemsTable,
  ProblemTalliesTable,
} from './schema-problems.js';
import type {
  MonthlyReportRowsTable,
  MonthlyReportSnapshotRowsTable,
  MonthlyReportsTable,
  SubmissionFilesTable,
  SubmissionsTable,
} from './schema-reports.js';
import type {
  InspectionsTable,
  NotificationReadsTable,
  NotificationsTable,
  SettingsTable,
  WorkbenchSeenTable,
} from './schema-supervision.js';

export type * from './schema-accounts.js';
export type * from './schema-audit.js';
export type * from './schema-calendar.js';
export type * from './schema-campaigns.js';
export type * from './schema-problems.js';
export type * from './schema-reports.js';

/** One row (id 1): moved on by triggers with every committed change the tallies count. */
export interface LedgerStampTable {
  id: number;
  n: number;
}

export interface DB extends HouseholdTables {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  login_limits: LoginLimitsTable;
  export_leases: ExportLeasesTable;
  campaigns: CampaignsTable;
  campaign_choices: CampaignChoicesTable;
  phases: PhasesTable;
  milestones: MilestonesTable;
  check_items: CheckItemsTable;
  item_units: ItemUnitsTable;
  campaign_structure_changes: CampaignStructureChangesTable;
  campaign_rule_items: CampaignRuleItemsTable;
  audit_log: AuditLogTable;
  audit_seal: AuditSealTable;
  attachments: AttachmentsTable;
  problems: ProblemsTable;
  problem_tallies: ProblemTalliesTable;
  ledger_stamp: LedgerStampTable;
  problem_events: ProblemEventsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  settings: SettingsTable;
  inspections: InspectionsTable;
  monthly_reports: MonthlyReportsTable;
  monthly_report_rows: MonthlyReportRowsTable;
  monthly_report_snapshot_rows: MonthlyReportSnapshotRowsTable;
  submissions: SubmissionsTable;
  submission_files: SubmissionFilesTable;
  circulars: CircularsTable;
  workbench_seen: WorkbenchSeenTable;
  calendar_days: CalendarDaysTable;
  calendar_stamp: CalendarStampTable;
  campaign_deadline_policies: CampaignDeadlinePoliciesTable;
}
