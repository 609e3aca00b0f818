import type { ProblemStatus, Role } from '@paicha/core';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../api/problemTypes';
import type { SessionUser } from '../../../api/types';
import { BATCH_LIMIT, batchBlockedBy, batchKindsFor, selectable } from './batchRules';

const user = (role: Role, unitId: number) => ({ role, unit: { id: unitId } }) as unknown as SessionUser;
const problem = (id: number, status: ProblemStatus, extra: Partial<Problem> = {}) =>
  ({
    id,
    status,
    unit: { id: 7, name: '中云街道' },
    source: '自查',
    screeningClearedAt: null,
    ...extra,
  }) as Problem;

describe('batch steps offered in the ledger', () => {
  const office = user('admin', 1);
  const clerk = user('reporter', 7);

  it('offers the office close, return and 交办, a unit clerk progress, a leader nothing', () => {
    expect(batchKindsFor(office)).toEqual(['close', 'return', 'assign']);
    expect(batchKindsFor(clerk)).toEqual(['progress']);
    expect(batchKindsFor(user('leader', 1))).toEqual([]);
  });

  it('says how many ticked problems cannot take the step, and why', () => {
    const ticked = [problem(1, 'awaiting_review'), problem(2, 'pending'), problem(3, 'closed')];
    expect(batchBlockedBy('close', office, ticked)).toBe('所选问题中有 2 个不是“待销号”，不能销号');
    expect(batchBlockedBy('assign', office, ticked)).toBe('所选问题中有 1 个已销号，不能交办');
    expect(batchBlockedBy('return', office, ticked.slice(0, 1))).toBeNull();
    const screened = problem(4, 'awaiting_review', { source: '数据比对' });
    expect(batchBlockedBy('close', office, [screened])).toContain('尚未经再次比对清除');
    expect(batchBlockedBy('return', office, [screened])).toBeNull();
    expect(batchBlockedBy('progress', clerk, [problem(5, 'returned'), problem(6, 'awaiting_review')])).toBe(
      '所选问题中有 1 个已提交销号或已销号，不能记录整改进展',
    );
    const many = Array.from({ length: BATCH_LIMIT + 1 }, (_, i) => problem(i + 1, 'awaiting_review'));
    expect(batchBlockedBy('close', office, many)).toBe('一次最多处理500个问题，已选 501 个');
  });

  it('lets a row be ticked only when some offered step applies to it', () => {
    expect(selectable(office, problem(1, 'closed'))).toBe(false);
    expect(selectable(office, problem(1, 'pending'))).toBe(true);
    expect(selectable(clerk, problem(1, 'awaiting_review'))).toBe(false);
    expect(selectable(clerk, problem(1, 'rectifying'))).toBe(true);
    expect(selectable(clerk, problem(1, 'rectifying', { unit: { id: 8, name: '猴嘴街道' } }))).toBe(false);
  });
});
