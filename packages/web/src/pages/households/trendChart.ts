// The data-quality trend chart: x = the runs (by day, 2020年1月4日), y = findings per 100
// households, one line per rule (a street, or the district summed) or per street (all rules).
// Rates sum findings and households before dividing, so a big street weighs as much as it is.
import { formatChineseDate, type RuleId, screeningRule } from '@paicha/core';
import type { ScreeningTrend } from '../../api/householdTypes';
import type { ChartOption } from '../supervision/EChart';

export type TrendBy = 'rule' | 'street';

/** Findings per 100 households, two decimals; null when the street had no households. */
export function per100(findings: number, households: number): number | null {
  return households > 0 ? Math.round((findings / households) * 10_000) / 100 : null;
}

interface Line {
  name: string;
  data: (number | null)[];
}

/** The lines to draw: those with a finding in some run (a line flat at 0 all along is noise). */
export function trendLines(t: ScreeningTrend, by: TrendBy): { runs: string[]; lines: Line[] } {
  const runIds = [...new Set(t.points.map((p) => p.runId))].sort((a, b) => a - b);
  const runDate = new Map(t.points.map((p) => [p.runId, p.date]));
  const keys =
    by === 'rule'
      ? [...new Set(t.points.map((p) => p.rule))].map((r) => ({
          key: r as string,
          name: screeningRule(r as RuleId).title,
        }))
      : t.units.map((u) => ({ key: String(u.id), name: u.name }));
  const lines = keys.map(({ key, name }) => {
    const data = runIds.map((run) => {
      const pts = t.points.filter(
        (p) => p.runId === run && (by === 'rule' ? p.rule === key : String(p.unitId) === key),
      );
      if (pts.length === 0) return null;
      const findings = pts.reduce((n, p) => n + p.findings, 0);
      // Per street the households repeat on each rule's row: count each street once.
      const households =
        by === 'rule' ? pts.reduce((n, p) => n + p.households, 0) : (pts[0]?.households ?? 0);
      return per100(findings, households);
    });
    return { name, data };
  });
  // Two runs on one day: the second is 2020年1月4日（2）, so the axis tells them apart.
  const seen = new Map<string, number>();
  const runs = runIds.map((id) => {
    const day = formatChineseDate(runDate.get(id) ?? '');
    const n = (seen.get(day) ?? 0) + 1;
    seen.set(day, n);
    return n === 1 ? day : `${day}（${n}）`;
  });
  return {
    runs,
    lines: lines.filter((l) => l.data.some((v) => v !== null && v > 0)),
  };
}

export function trendChart(t: ScreeningTrend, by: TrendBy, compact = false): ChartOption {
  const { runs, lines } = trendLines(t, by);
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v} 条/百户`),
    },
    legend: { type: 'scroll', top: 0, show: !compact || lines.length <= 4 },
    grid: { left: 8, right: 24, top: compact ? 28 : 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: runs, boundaryGap: false },
    yAxis: { type: 'value', name: '每百户问题线索', nameTextStyle: { align: 'left' } },
    series: lines.map((l) => ({
      type: 'line',
      name: l.name,
      data: l.data,
      connectNulls: false,
      symbolSize: 7,
    })),
  };
}
