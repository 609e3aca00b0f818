import { describe, expect, it } from 'vitest';
import { normaliseThresholds, reminderStep } from './reminder-plan.js';

describe('which reminder a deadline calls for', () => {
  const due = '2020-01-04';
  const at = (today: string) => reminderStep(today, due, [3, 1]);

  it('is silent until three days before', () => {
    expect(at('2019-12-31')).toBeNull();
  });

  it('sends "3" three and two days before, "1" the day before and on the day', () => {
    expect(at('2020-01-01')).toEqual({ kind: 'upcoming', threshold: 3, daysLeft: 3 });
    expect(at('2020-01-02')).toEqual({ kind: 'upcoming', threshold: 3, daysLeft: 2 });
    expect(at('2020-01-03')).toEqual({ kind: 'upcoming', threshold: 1, daysLeft: 1 });
    expect(at('2020-01-04')).toEqual({ kind: 'upcoming', threshold: 1, daysLeft: 0 });
  });

  it('reports a miss from the day after, for a month', () => {
    expect(at('2020-01-05')).toEqual({ kind: 'missed', daysLate: 1 });
    expect(at('2020-02-03')).toEqual({ kind: 'missed', daysLate: 30 });
    expect(at('2020-02-04')).toBeNull();
  });

  it('cleans configured thresholds', () => {
    expect(normaliseThresholds([1, 3, 3, -1, 2.5, 7])).toEqual([7, 3, 1]);
  });
});
