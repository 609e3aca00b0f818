// The dashboard's chart options, built from the API's figures, and where a click on each chart
// leads: the 问题台账 list with the matching filters (ledgerQuery.ts), or the reports grid.
import { formatChineseDate } from '@paicha/core';
import type { Filters } from '../problems/ledgerQuery';
import { type Dashboard, percent } from './api';
import type { ChartOption } from './EChart';

export const COLORS = { found: '#4e79a7', closed: '#3ba272', overdue: '#c23531', ideal: '#999999' };
/**
 * A closure rate's colour: green only at or above the office's 成效不明显 threshold (settings),
 * red below it — 0% included; no colour when there is nothing to close.
 */
export function closureColor(rate: number | null, thresholdPercent: number): string | undefined {
  if (rate === null) return undefined;
  return rate * 100 < thresholdPercent ? COLORS.overdue : COLORS.closed;
}

const TIMELY = { onTime: '#3ba272', late: '#fa8c16', missing: '#c23531' };
const OPEN_STATUSES = 'pending,rectifying,awaiting_review,returned';

/** A bar's label: the number, or nothing for zero (a row of zeros reads as noise). */
const countLabel = {
  show: true,
  formatter: (p: { value: unknown }) => (Number(p.value) ? String(p.value) : ''),
};
const grid = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true };
const legend = { top: 0 };

const SERIES = [
  { key: 'found', name: '发现问题', color: COLORS.found, filter: {} },
  { key: 'closed', name: '已销号', color: COLORS.closed, filter: { status: 'closed' } },
  { key: 'overdue', name: '逾期未整改', color: COLORS.overdue, filter: { overdue: '1' } },
] as const;

export function categoryChart(d: Dashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    grid,
    xAxis: { type: 'category', data: d.categories.map((c) => c.category) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((s) => ({
      type: 'bar',
      name: s.name,
      color: s.color,
      label: { ...countLabel, position: 'top' },
      data: d.categories.map((c) => c[s.key]),
    })),
  };
}

export function categoryDrill(d: Dashboard, seriesIndex: number, dataIndex: number): Filters {
  return { category: d.categories[dataIndex]?.category, ...SERIES[seriesIndex]?.filter };
}

export function unitChart(d: Dashboard): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    grid,
    yAxis: { type: 'category', inverse: true, data: d.units.map((u) => u.unit.name) },
    xAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((s) => ({
      type: 'bar',
      name: s.name,
      color: s.color,
      barGap: '10%',
      label: { ...countLabel, position: 'right' },
      data: d.units.map((u) => u[s.key]),
    })),
  };
}

export function unitDrill(d: Dashboard, seriesIndex: number, dataIndex: number): Filters {
  return { unit: String(d.units[dataIndex]?.unit.id ?? ''), ...SERIES[seriesIndex]?.filter };
}

export function closureChart(d: Dashboard): ChartOption {
  const rate = d.totals.closureRate;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const u = d.units[(p as { dataIndex: number }).dataIndex];
        return u ? `${u.unit.name}<br/>已销号 ${u.closed} / 发现 ${u.found}：${percent(u.closureRate)}` : '';
      },
    },
    grid: { ...grid, top: 24 },
    xAxis: {
      type: 'category',
      data: d.units.map((u) => u.unit.name),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: '销号率',
        color: COLORS.closed,
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => percent(d.units[p.dataIndex]?.closureRate ?? null),
        },
        // Each bar and its label coloured by the office's threshold: a 0% unit reads red, not green.
        data: d.units.map((u) => {
          const color = closureColor(u.closureRate, d.closureRateBelow);
          return {
            value: u.closureRate === null ? null : Math.round(u.closureRate * 1000) / 10,
            itemStyle: { color },
            label: { color },
          };
        }),
        markLine:
          rate === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: COLORS.ideal },
                // The district rate is named in the card title: a label here collides with bars.
                label: { show: false },
                data: [{ yAxis: Math.round(rate * 1000) / 10 }],
              },
      },
    ],
  };
}

export function closureDrill(d: Dashboard, dataIndex: number): Filters {
  return { unit: String(d.units[dataIndex]?.unit.id ?? ''), status: 'closed' };
}

const shortDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

export function trendChart(d: Dashboard): ChartOption {
  const { points, rectificationDue } = d.trend;
  const dueIndex = points.findIndex((p) => p.weekEnd >= rectificationDue);
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const p = points[i];
        if (!p) return '';
        const lines = [`截至${formatChineseDate(p.asOf ?? p.weekEnd)}`];
        if (p.open !== null) lines.push(`未销号 ${p.open}（累计发现 ${p.found}，累计销号 ${p.closed}）`);
        if (p.ideal !== null) lines.push(`理想线 ${p.ideal}`);
        return lines.join('<br/>');
      },
    },
    legend,
    // Room on the right and on top for the deadline's label at the end of the axis.
    grid: { ...grid, right: 48, top: 48 },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => shortDate(p.weekEnd)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: '未销号问题',
        color: COLORS.overdue,
        symbolSize: 6,
        areaStyle: { opacity: 0.08 },
        data: points.map((p) => p.open),
        markLine:
          dueIndex < 0
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: COLORS.overdue, type: 'dashed' },
                label: {
                  formatter: `整改时限 ${shortDate(rectificationDue)}`,
                  position: 'end',
                  color: COLORS.overdue,
                },
                data: [{ xAxis: dueIndex }],
              },
      },
      {
        type: 'line',
        name: '理想线',
        color: COLORS.ideal,
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        data: points.map((p) => p.ideal),
      },
    ],
  };
}

/** Past weeks cannot be listed as they were; the click shows the problems open now. */
export const TREND_DRILL: Filters = { status: OPEN_STATUSES };

export function timelinessChart(d: Dashboard): ChartOption {
  const units = d.timeliness.units;
  const part = (key: 'onTime' | 'late' | 'missing', name: string) => ({
    type: 'bar' as const,
    name,
    stack: 'reports',
    color: TIMELY[key],
    label: { ...countLabel, position: 'inside' as const },
    data: units.map((u) => u[key]),
  });
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const u = units[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        if (!u) return '';
        return `${u.unit.name}（应报 ${u.expected}）<br/>按时 ${u.onTime}，逾期报送 ${u.late}，逾期未报 ${u.missing}<br/>及时率 ${percent(u.timelinessRate)}`;
      },
    },
    legend,
    grid,
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unit.name) },
    xAxis: { type: 'value', minInterval: 1 },
    series: [part('onTime', '按时报送'), part('late', '逾期报送'), part('missing', '逾期未报')],
  };
}
