import { describe, expect, it } from 'vitest';
import { COLORS, closureColor } from './dashboardCharts';

describe('closure rate colour', () => {
  it('is green only at or above the office threshold, red below it — 0% included', () => {
    expect(closureColor(0, 60)).toBe(COLORS.overdue);
    expect(closureColor(0.599, 60)).toBe(COLORS.overdue);
    expect(closureColor(0.6, 60)).toBe(COLORS.closed);
    expect(closureColor(1, 60)).toBe(COLORS.closed);
    expect(closureColor(0, 0)).toBe(COLORS.closed);
    // Nothing found, nothing to close: no colour at all.
    expect(closureColor(null, 60)).toBeUndefined();
  });
});
