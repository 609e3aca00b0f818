// Row types of monthly reports and milestone submissions; listed in DB in schema.ts.
import type { Generated } from 'kysely';

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
  /** When the snapshot rows were taken (the last submission); null before any. */
  snapshot_at: Generated<string | null>;
  /** The unit head's explanation of the validation warnings at the last submission. */
  explanation: Generated<string>;
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

/** A report's rows and their ledger figures as they were at its last submission. */
export interface MonthlyReportSnapshotRowsTable {
  report_id: number;
  check_item_id: number;
  situation: string;
  measures: string;
  progress: string;
  /** 1, or 0 for an item kept only for the record (taken off the unit after it was reported). */
  assigned: number;
  found: number;
  rectifying: number;
  awaiting_review: number;
  rectified: number;
  closed: number;
  overdue: number;
  /** The item as submitted (null only where the item's row is read live). */
  item_seq: number | null;
  category: string | null;
  sub_category: string | null;
  sub_category_cell: string | null;
  content: string | null;
  units_text: string | null;
  /** The merged 排查项目 cell the row printed in at submission. */
  group_seq: number | null;
  group_label: string | null;
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
