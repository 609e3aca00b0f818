import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, nextStatus, PROBLEM_ACTIONS, PROBLEM_STATUSES } from './problem.js';

describe('problem status machine', () => {
  it('runs the whole loop: record → rectify → submit → return → resubmit → close → reopen', () => {
    expect(nextStatus('pending', 'start')).toBe('rectifying');
    expect(nextStatus('rectifying', 'submit')).toBe('awaiting_review');
    expect(nextStatus('awaiting_review', 'return')).toBe('returned');
    expect(nextStatus('returned', 'progress')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('awaiting_review');
    expect(nextStatus('awaiting_review', 'close')).toBe('closed');
    expect(nextStatus('closed', 'reopen')).toBe('rectifying');
  });

  it('refuses what the plan does not allow', () => {
    expect(nextStatus('closed', 'submit')).toBeNull();
    expect(nextStatus('closed', 'progress')).toBeNull();
    expect(nextStatus('rectifying', 'close')).toBeNull();
    expect(nextStatus('pending', 'return')).toBeNull();
    expect(nextStatus('awaiting_review', 'submit')).toBeNull();
  });

  it('only ever reaches 已销号 through the office reviewing a submission', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROBLEM_STATUSES), fc.constantFrom(...PROBLEM_ACTIONS), (s, a) => {
        const next = nextStatus(s, a);
        return next !== 'closed' || (s === 'awaiting_review' && a === 'close');
      }),
    );
  });

  it('is overdue only after the deadline day and while not closed', () => {
    expect(isOverdue({ status: 'rectifying', deadline: '2020-05-31' }, '2020-05-31')).toBe(false);
    expect(isOverdue({ status: 'rectifying', deadline: '2020-05-31' }, '2020-06-01')).toBe(true);
    expect(isOverdue({ status: 'closed', deadline: '2020-05-31' }, '2020-06-01')).toBe(false);
    expect(isOverdue({ status: 'pending', deadline: null }, '2020-06-01')).toBe(false);
  });
});
