// The problem ledger's vocabulary and its status machine (DESIGN.md): 待整改 → 整改中 → 待销号 →
// 已销号, with 已退回 (office returned it, with a reason) behaving like 整改中 for the unit.

export const PROBLEM_SOURCES = [
  '自查',
  '巡视',
  '巡察',
  '阳光扶贫监管督查',
  '成效考核',
  '民主监督',
  '审计',
  '媒体暗访',
  '群众来访',
  // The office's own open and unannounced visits (plan §四(三)).
  '明察暗访',
  '数据比对',
] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export const PROBLEM_MODES = ['立行立改', '限期整改'] as const;
export type ProblemMode = (typeof PROBLEM_MODES)[number];

export const PROBLEM_STATUSES = ['pending', 'rectifying', 'awaiting_review', 'returned', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  pending: '待整改',
  rectifying: '整改中',
  awaiting_review: '待销号',
  returned: '已退回',
  closed: '已销号',
};

export const PROBLEM_ACTIONS = ['start', 'progress', 'submit', 'return', 'close', 'reopen'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** Who performs an action: the responsible unit or the office. */
export const ACTION_ACTOR: Record<ProblemAction, 'unit' | 'office'> = {
  start: 'unit',
  progress: 'unit',
  submit: 'unit',
  return: 'office',
  close: 'office',
  reopen: 'office',
};

const TRANSITIONS: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus | null }> = {
  start: { from: ['pending'], to: 'rectifying' },
  // Logging progress on a pending problem starts it; otherwise the status stays.
  progress: { from: ['pending', 'rectifying', 'returned'], to: null },
  submit: { from: ['pending', 'rectifying', 'returned'], to: 'awaiting_review' },
  return: { from: ['awaiting_review'], to: 'returned' },
  close: { from: ['awaiting_review'], to: 'closed' },
  reopen: { from: ['closed'], to: 'rectifying' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: ProblemStatus, action: ProblemAction): ProblemStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  if (t.to) return t.to;
  return status === 'pending' ? 'rectifying' : status;
}

/** Overdue: a deadline has passed (strictly before today) and the problem is not closed out. */
export function isOverdue(p: { status: ProblemStatus; deadline: string | null }, today: string): boolean {
  return p.status !== 'closed' && p.deadline !== null && p.deadline < today;
}

/** Statuses counted as "being rectified" in the ledger's counts. */
export const OPEN_STATUSES: readonly ProblemStatus[] = [
  'pending',
  'rectifying',
  'returned',
  'awaiting_review',
];

/**
 * A problem's history lines (problem_events.kind) by name: the steps above, what the office and
 * the import record, and what screening writes when a 数据比对 problem's findings are all done or
 * come back. The server types its writes with these keys, so a new kind cannot reach the screen
 * without a Chinese name.
 */
export const PROBLEM_EVENT_LABELS = {
  created: '登记问题',
  assigned: '交办',
  edited: '修改问题信息',
  imported: '从Excel台账导入',
  start: '开始整改',
  progress: '整改进展',
  submit: '提交销号',
  return: '退回',
  close: '销号',
  reopen: '重新打开',
  screening_cleared: '再次比对：问题线索均已完成',
  screening_found_again: '再次比对：又发现问题线索',
} as const;
export type ProblemEventKind = keyof typeof PROBLEM_EVENT_LABELS;
/** Every workflow step is a history line: the compiler holds the map to PROBLEM_ACTIONS. */
export const STEP_EVENT_LABELS: Record<ProblemAction, string> = PROBLEM_EVENT_LABELS;

/** A history line's name; a kind this version does not know reads as a plain 办理记录. */
export function problemEventLabel(kind: string): string {
  return (PROBLEM_EVENT_LABELS as Record<string, string>)[kind] ?? '办理记录';
}
