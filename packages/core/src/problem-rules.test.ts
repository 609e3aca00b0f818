import { describe, expect, it } from 'vitest';
import { PROBLEM_STATUSES } from './problem.js';
import { closeBlockedBy, deadlineNeedsReason, editBlockedBy, rectificationDueOf } from './problem-rules.js';

describe('problem rules shared by server and web', () => {
  it('takes the latest rectification milestone as the 全面整改到位 date', () => {
    const milestones = [
      { kind: 'monthly', dueDate: '2020-09-30' },
      { kind: 'rectification', dueDate: '2020-05-31' },
      { kind: 'rectification', dueDate: '2020-06-30' },
      { kind: 'summary', dueDate: '2020-07-15' },
    ];
    expect(rectificationDueOf(milestones)).toBe('2020-06-30');
    expect(rectificationDueOf([{ kind: 'plan', dueDate: '2019-12-15' }])).toBeNull();
  });

  it('asks for a reason only for a deadline past the 全面整改到位 date', () => {
    expect(deadlineNeedsReason('2020-07-01', '2020-06-30')).toBe(true);
    expect(deadlineNeedsReason('2020-06-30', '2020-06-30')).toBe(false);
    expect(deadlineNeedsReason(null, '2020-06-30')).toBe(false);
    expect(deadlineNeedsReason('2020-07-01', null)).toBe(false);
  });

  it('lets the office edit until 销号 and a unit while it works on the problem', () => {
    for (const status of PROBLEM_STATUSES) {
      expect(editBlockedBy('admin', status) === null).toBe(status !== 'closed');
      for (const role of ['reporter', 'unit_head'] as const)
        expect(editBlockedBy(role, status) === null).toBe(
          status !== 'closed' && status !== 'awaiting_review',
        );
    }
    expect(editBlockedBy('reporter', 'awaiting_review')).toBe('问题已提交销号，审核期间不能修改');
    expect(editBlockedBy('admin', 'closed')).toBe('问题已销号，不能修改');
  });

  it('closes a 数据比对 problem only once a re-screen no longer finds it', () => {
    expect(closeBlockedBy({ source: '数据比对', screeningClearedAt: null })).toMatch(/再次比对/);
    expect(closeBlockedBy({ source: '数据比对', screeningClearedAt: '2020-03-01T00:00:00Z' })).toBeNull();
    expect(closeBlockedBy({ source: '自查', screeningClearedAt: null })).toBeNull();
  });
});
