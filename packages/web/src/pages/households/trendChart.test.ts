import { describe, expect, it } from 'vitest';
import type { ScreeningTrend } from '../../api/householdTypes';
import { per100, trendLines } from './trendChart';

const trend: ScreeningTrend = {
  units: [
    { id: 1, name: '中云街道' },
    { id: 2, name: '猴嘴街道' },
  ],
  points: [
    { runId: 7, date: '2019-12-20', unitId: 1, rule: 'id_invalid', findings: 1, households: 4 },
    { runId: 7, date: '2019-12-20', unitId: 1, rule: 'household_head_count', findings: 0, households: 4 },
    { runId: 7, date: '2019-12-20', unitId: 2, rule: 'id_invalid', findings: 0, households: 2 },
    { runId: 7, date: '2019-12-20', unitId: 2, rule: 'household_head_count', findings: 1, households: 2 },
    { runId: 9, date: '2019-12-20', unitId: 1, rule: 'id_invalid', findings: 0, households: 4 },
    { runId: 9, date: '2019-12-20', unitId: 1, rule: 'household_head_count', findings: 0, households: 4 },
    { runId: 9, date: '2019-12-20', unitId: 2, rule: 'id_invalid', findings: 0, households: 3 },
    { runId: 9, date: '2019-12-20', unitId: 2, rule: 'household_head_count', findings: 1, households: 3 },
  ],
};

describe('the data-quality trend', () => {
  it('gives findings per 100 households, none without households', () => {
    expect(per100(1, 3)).toBe(33.33);
    expect(per100(0, 0)).toBeNull();
  });

  it('sums a rule over the streets, and a street over its rules counting its households once', () => {
    const byRule = trendLines(trend, 'rule');
    expect(byRule.runs).toEqual(['2019年12月20日', '2019年12月20日（2）']);
    expect(byRule.lines).toEqual([
      { name: '证件号码无效', data: [16.67, 0] },
      { name: '户主人数不为一人', data: [16.67, 14.29] },
    ]);
    expect(trendLines(trend, 'street').lines).toEqual([
      { name: '中云街道', data: [25, 0] },
      { name: '猴嘴街道', data: [50, 33.33] },
    ]);
  });

  it('leaves out a line at 0 all along', () => {
    const clean = { ...trend, points: trend.points.map((p) => ({ ...p, findings: 0 })) };
    expect(trendLines(clean, 'rule').lines).toEqual([]);
  });
});
