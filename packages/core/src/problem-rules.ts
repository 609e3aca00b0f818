// Rules about a problem that the server enforces and the web needs to shape its forms and
// buttons: one function each, so the client never restates them.
import { actsOnAnyUnit } from './access.js';
import { addWorkingDays, type WorkCalendar } from './calendar/calendar.js';
import { addDays } from './dates.js';
import type { ProblemStatus } from './problem.js';
import type { Role } from './roles.js';

/** The campaign's 全面整改到位 date: the latest rectification milestone's due date, if any. */
export function rectificationDueOf(milestones: readonly { kind: string; dueDate: string }[]): string | null {
  let due: string | null = null;
  for (const m of milestones)
    if (m.kind === 'rectification' && (due === null || m.dueDate > due)) due = m.dueDate;
  return due;
}

/**
 * A deadline later than the campaign's 全面整改到位 date must say why (超期理由); the reason is asked
 * for, and kept, only then.
 */
export function deadlineNeedsReason(deadline: string | null, rectificationDue: string | null): boolean {
  return deadline !== null && rectificationDue !== null && deadline > rectificationDue;
}

/**
 * Why a role may not edit a problem's ledger fields in this status, or null when the status allows
 * it: the office edits until 销号, a unit while it works on the problem but not while it awaits
 * review. Which units' problems a role edits at all is the policy's `problem.record`.
 */
export function editBlockedBy(role: Role, status: ProblemStatus): string | null {
  if (status === 'awaiting_review' && !actsOnAnyUnit(role, 'problem.record'))
    return '问题已提交销号，审核期间不能修改';
  if (status === 'closed') return '问题已销号，不能修改';
  return null;
}

/**
 * Why a problem may not be closed out (销号) yet, or null: a 数据比对 problem is fixed only when a
 * later screening no longer finds it (`screeningClearedAt`). The server refuses 销号 with this
 * message and the web disables the button with it, before any confirmation is asked.
 */
export function closeBlockedBy(p: { source: string; screeningClearedAt: string | null }): string | null {
  if (p.source === '数据比对' && !p.screeningClearedAt)
    return '数据比对发现的问题须经再次比对不再出现后方可销号';
  return null;
}

/** 立行立改期限（天） unless the office set another (settings `ledger`). */
export const DEFAULT_IMMEDIATE_DAYS = 7;

/**
 * A 立行立改 problem's deadline when none was given: the office's 立行立改期限 counted from the
 * day it was recorded, so it can be overdue by the one overdue rule like any other. A 限期整改
 * problem, or one with a deadline, keeps what was given.
 */
export function immediateDeadline(
  f: { mode: string; deadline: string | null },
  recordedOn: string,
  days: number,
  /** Given when the office counts the 期限 in working days. */
  workingDays?: WorkCalendar,
): string | null {
  if (f.deadline !== null || f.mode !== '立行立改') return f.deadline;
  return workingDays ? addWorkingDays(recordedOn, days, workingDays) : addDays(recordedOn, days);
}
