// The reporting workflow shared by monthly reports and milestone submissions: a reporter drafts,
// the unit head approves and submits, the office accepts (locking it) or returns it with a
// reason; a returned report is corrected and resubmitted; the office may unlock an accepted one.
import { ACCESS_RULES, type AccessAction, AppError, mayTakeOn } from '@paicha/core';
import type { ReportStatus } from '../../db/schema.js';
import type { Actor } from '../../kernel/context.js';

/** A report nobody has saved yet is shown as `not_started` (version 0). */
export type ViewStatus = ReportStatus | 'not_started';

export const STATUS_LABELS: Record<ViewStatus, string> = {
  not_started: '未填报',
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已通过',
};

export type ReportAction = 'save' | 'submit' | 'accept' | 'return' | 'unlock';

interface Rule {
  from: readonly ViewStatus[];
  /** Who may, on which unit's report: the access policy's rule (core ACCESS_RULES). */
  access: AccessAction;
}

const RULES: Record<ReportAction, Rule> = {
  save: { from: ['not_started', 'draft', 'returned'], access: 'report.save' },
  submit: { from: ['draft', 'returned'], access: 'report.submit' },
  accept: { from: ['submitted'], access: 'report.review' },
  return: { from: ['submitted'], access: 'report.review' },
  unlock: { from: ['accepted'], access: 'report.review' },
};

const STATE_MESSAGES: Record<ReportAction, string> = {
  save: '已报送或已通过的材料不能修改（已通过的需由领导小组办公室解锁）',
  submit: '当前状态不能报送（请先保存草稿；已报送的请等待审核）',
  accept: '只有已报送、待审核的材料可以审核通过',
  return: '只有已报送、待审核的材料可以退回',
  unlock: '只有已通过（已锁定）的材料可以解锁',
};

/** The status an action leads to. */
export function statusAfter(action: ReportAction, from: ViewStatus): ReportStatus {
  switch (action) {
    case 'save':
      return from === 'returned' ? 'returned' : 'draft';
    case 'submit':
      return 'submitted';
    case 'accept':
      return 'accepted';
    case 'return':
    case 'unlock':
      return 'returned';
  }
}

function isAllowed(actor: Actor, unitId: number, action: ReportAction, status: ViewStatus): boolean {
  const rule = RULES[action];
  return mayTakeOn(actor, rule.access, unitId) && rule.from.includes(status);
}

/**
 * Throws 403 when the actor's role or unit may not take the action, 409 when the report is not
 * in a state that allows it. Visibility (404 for another unit) is checked before this.
 */
export function assertAllowed(actor: Actor, unitId: number, action: ReportAction, status: ViewStatus): void {
  const rule = RULES[action];
  if (!mayTakeOn(actor, rule.access, unitId))
    throw new AppError('forbidden', ACCESS_RULES[rule.access].denied);
  if (!rule.from.includes(status)) throw new AppError('conflict', STATE_MESSAGES[action]);
}

/** What the actor may do now, for the UI to show the right buttons. */
export function allowedActions(
  actor: Actor,
  unitId: number,
  status: ViewStatus,
): Record<ReportAction, boolean> {
  const can = (a: ReportAction) => isAllowed(actor, unitId, a, status);
  return {
    save: can('save'),
    submit: can('submit'),
    accept: can('accept'),
    return: can('return'),
    unlock: can('unlock'),
  };
}

/** The stale-write answer: the caller's copy is out of date and nothing was changed. */
export function versionConflict(current?: number): AppError {
  return new AppError(
    'version_conflict',
    '内容已被他人修改，请刷新后再提交（您的修改未保存）',
    current === undefined ? undefined : { currentVersion: current },
  );
}

/** Unique violations on both databases (a second "first save" racing the first one). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Timeliness of one expected report, DHIS2-style, judged on its first submission. */
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending' | 'not_expected';

export function timelinessOf(opts: {
  expected: boolean;
  firstSubmittedOn: string | null;
  dueDate: string;
  today: string;
}): Timeliness {
  if (opts.firstSubmittedOn) return opts.firstSubmittedOn > opts.dueDate ? 'late' : 'on_time';
  if (!opts.expected) return 'not_expected';
  // The due day itself is still on time: missing only once the day after it has begun in China.
  return opts.today > opts.dueDate ? 'missing' : 'pending';
}

export interface TimelinessTotals {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  completenessRate: number | null;
  timelinessRate: number | null;
}

/** DHIS2's reporting-rate summary: expected, actual (submitted), on time, and the two rates. */
export function summarize(cells: readonly Timeliness[]): TimelinessTotals {
  const n = (t: Timeliness) => cells.filter((c) => c === t).length;
  const onTime = n('on_time');
  const late = n('late');
  const expected = cells.length - n('not_expected');
  const rate = (x: number) => (expected === 0 ? null : Math.round((x / expected) * 1000) / 1000);
  return {
    expected,
    submitted: onTime + late,
    onTime,
    late,
    missing: n('missing'),
    pending: n('pending'),
    completenessRate: rate(onTime + late),
    timelinessRate: rate(onTime),
  };
}

/** The workflow columns a report's or submission's row keeps, with the people's names joined in. */
export interface TrailRow {
  return_reason: string;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submittedByName: string | null;
  reviewed_at: string | null;
  reviewedByName: string | null;
  updated_at: string;
  updatedByName: string | null;
}

/** Who sent, reviewed and last changed it, and when, as both views show it (blank when unsaved). */
export function presentTrail(row: TrailRow | undefined) {
  return {
    returnReason: row?.return_reason ?? '',
    firstSubmittedAt: row?.first_submitted_at ?? null,
    submittedAt: row?.submitted_at ?? null,
    submittedBy: row?.submittedByName ?? null,
    reviewedAt: row?.reviewed_at ?? null,
    reviewedBy: row?.reviewedByName ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updatedByName ?? null,
  };
}
