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
