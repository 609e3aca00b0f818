// Which batch steps the ledger offers, and why one cannot be taken on the selected problems:
// the same rules the server applies to each problem (core's status machine, closeBlockedBy, the
// access policy), asked before any dialog. The server decides regardless, problem by problem.
import { closeBlockedBy, mayTake } from '@paicha/core';
import type { Problem } from '../../../api/problemTypes';
import type { SessionUser } from '../../../api/types';
import { canWorkOn } from '../../../components/problemRoles';

/** The server's cap (core BATCH_MAX; the web takes only types from the contract). */
export const BATCH_LIMIT = 500;

export type BatchKind = 'close' | 'return' | 'assign' | 'progress';

export const BATCH_LABELS: Record<BatchKind, string> = {
  close: '批量销号',
  return: '批量退回',
  assign: '批量交办',
  progress: '批量记录进展',
};

export const BATCH_VERBS: Record<BatchKind, string> = {
  close: '销号',
  return: '退回',
  assign: '交办',
  progress: '记录整改进展',
};

/** The batch steps a role is offered: the office reviews and hands over, units record progress. */
export function batchKindsFor(user: SessionUser): BatchKind[] {
  const kinds: BatchKind[] = [];
  if (mayTake(user.role, 'problem.review')) kinds.push('close', 'return', 'assign');
  if (mayTake(user.role, 'problem.work')) kinds.push('progress');
  return kinds;
}

/** Whether a row may be ticked at all: some step offered to the user applies to it. */
export function selectable(user: SessionUser, p: Problem): boolean {
  return batchKindsFor(user).some((k) => blockedOne(k, user, p) === null);
}

function blockedOne(kind: BatchKind, user: SessionUser, p: Problem): string | null {
  switch (kind) {
    case 'close':
      if (p.status !== 'awaiting_review') return '不是“待销号”';
      return closeBlockedBy(p) ? '是尚未经再次比对清除的数据比对问题' : null;
    case 'return':
      return p.status === 'awaiting_review' ? null : '不是“待销号”';
    case 'assign':
      return p.status === 'closed' ? '已销号' : null;
    case 'progress':
      return canWorkOn(user, p) ? null : '已提交销号或已销号';
  }
}

/** Why the step cannot be taken on the selected problems (how many, and why), or null. */
export function batchBlockedBy(kind: BatchKind, user: SessionUser, problems: Problem[]): string | null {
  if (problems.length > BATCH_LIMIT) return `一次最多处理${BATCH_LIMIT}个问题，已选 ${problems.length} 个`;
  const reasons = new Map<string, number>();
  for (const p of problems) {
    const why = blockedOne(kind, user, p);
    if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  if (reasons.size === 0) return null;
  const parts = [...reasons].map(([why, n]) => `${n} 个${why}`);
  return `所选问题中有 ${parts.join('、')}，不能${BATCH_VERBS[kind]}`;
}
