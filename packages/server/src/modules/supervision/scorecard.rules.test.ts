import { DEFAULT_SCORING_RULES } from '@paicha/core';
// The scorecard arithmetic without a database: renormalised weights, ties, thresholds, formats.
import { describe, expect, it } from 'vitest';
import { periodText } from './circular.text.js';
import { weekEnds } from './dashboard.service.js';
import { compositeScore, groupsOf, percent, rank, ratesOf, ZERO_FIGURES } from './scorecard.rules.js';

const W = DEFAULT_SCORING_RULES.weights;

describe('scorecard rules', () => {
  it('weighs only the components that apply to a unit', () => {
    const none = { onTimeRate: null, closureRate: null, overdueRate: null, returnRate: null };
    expect(compositeScore(none, W)).toBeNull();
    expect(compositeScore({ ...none, onTimeRate: 0.5 }, W)).toBe(50);
    expect(compositeScore({ ...none, onTimeRate: 1, closureRate: 0 }, W)).toBe(41.7);
    expect(compositeScore({ onTimeRate: 0.5, closureRate: 0.4, overdueRate: 0.4, returnRate: 0.25 }, W)).toBe(
      52.8,
    );
    expect(compositeScore({ ...none, onTimeRate: 1 }, { ...W, onTime: 0 })).toBeNull();
  });

  it('counts returns against submissions, even when a return follows a submission of an earlier period', () => {
    expect(ratesOf({ ...ZERO_FIGURES, returnedProblems: 2, submitted: 1 }).returnRate).toBe(1);
    expect(ratesOf({ ...ZERO_FIGURES, returnedReports: 1, submitted: 4 }).returnRate).toBe(0.25);
    expect(ratesOf(ZERO_FIGURES)).toEqual({
      onTimeRate: null,
      closureRate: null,
      overdueRate: null,
      returnRate: null,
    });
  });

  it('ranks ties equally and leaves unscored units unranked', () => {
    expect(rank([80, null, 90, 80, 10])).toEqual([2, null, 1, 2, 4]);
  });

  it('names a unit under each heading whose threshold it reaches, with the figures', () => {
    const t = DEFAULT_SCORING_RULES.thresholds;
    expect(groupsOf(ZERO_FIGURES, t)).toEqual([]);
    const f = { ...ZERO_FIGURES, found: 10, closed: 5, overdue: 3, late: 2, returnedReports: 2 };
    expect(groupsOf(f, t)).toEqual([
      { group: '责任不到位', reason: '逾期未整改问题3个' },
      { group: '工作不主动', reason: '逾期报送2次' },
      { group: '措施不得力', reason: '报送材料被退回2次' },
      { group: '成效不明显', reason: '整改销号率50%，发现问题10个、已销号5个' },
    ]);
    expect(groupsOf({ ...f, closed: 6, overdue: 2, late: 1, returnedReports: 1 }, t)).toEqual([]);
  });

  it('formats percentages, periods and weeks the way the circular prints them', () => {
    expect([percent(null), percent(1), percent(0), percent(2 / 3), percent(0.4166)]).toEqual([
      '—',
      '100%',
      '0%',
      '66.7%',
      '41.7%',
    ]);
    expect(periodText('2020-01-01', '2020-04-30')).toBe('2020年1月1日至4月30日');
    expect(periodText('2019-12-01', '2020-02-29')).toBe('2019年12月1日至2020年2月29日');
    expect(periodText('2020-03-02', '2020-03-02')).toBe('2020年3月2日');
    expect(weekEnds('2019-11-28', '2019-12-10')).toEqual(['2019-12-01', '2019-12-08', '2019-12-15']);
    expect(weekEnds('2019-12-01', '2019-12-01')).toEqual(['2019-12-01']);
  });
});
