// The 待办 workbench: what each role lands on and which sections it can hold. The server fills
// the sections (modules/workbench); the web uses the same landing rule and section keys.
import type { Role } from './roles.js';

/** Sections of the workbench, in the order a page shows them. */
export const WORKBENCH_SECTIONS = [
  // A unit's clerks (reporter, unit_head).
  'returned',
  'overdue',
  'due_soon',
  'reports',
  'submissions',
  'circulars',
  'notices',
  // The office (admin).
  'review_queue',
  'reports_review',
  'submissions_review',
  'overdue_units',
  'places',
  'screening',
  // Inspectors.
  'visits',
] as const;
export type WorkbenchSectionKey = (typeof WORKBENCH_SECTIONS)[number];

/** Where a role lands after signing in: leaders read the 督查看板, everyone else their 待办. */
export function landingOf(role: Role): 'workbench' | 'supervision' {
  return role === 'leader' ? 'supervision' : 'workbench';
}

/** "Due soon" means a deadline within this many days when the office has not set it. */
export const DEFAULT_DUE_WITHIN_DAYS = 7;
export const MAX_DUE_WITHIN_DAYS = 60;

/** Things a person marks as looked at, so the workbench shows only what came after. */
export const SEEN_MARKS = ['screening'] as const;
export type SeenMark = (typeof SEEN_MARKS)[number];
