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
