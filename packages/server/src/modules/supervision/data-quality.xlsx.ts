// The scorecard workbook's 数据质量 sheet: each street's findings per 100 households in the
// campaign's latest screening run (the trend's last point, per street, all rules summed).
import { chinaToday, formatChineseDate } from '@paicha/core';
import type { ListColumn, ListSheet } from '../../lib/xlsx-list.js';
import { pagesOf } from '../../lib/xlsx-list.js';
import type { StreetRate } from '../households/screening/trend.repository.js';

export type LatestRun = { startedAt: string; streets: StreetRate[] } | null;

const rate = (r: StreetRate) => (r.households > 0 ? ((r.findings / r.households) * 100).toFixed(2) : '—');

const COLUMNS: ListColumn<StreetRate>[] = [
  { header: '序号', width: 6, value: (_r, i) => i + 1, align: 'center' },
  { header: '单位', width: 16, value: (r) => r.name, align: 'center' },
  { header: '国扶系统户数', width: 14, value: (r) => r.households, align: 'center' },
  { header: '存在的问题线索', width: 16, value: (r) => r.findings, align: 'center' },
  { header: '每百户问题线索', width: 16, value: rate, align: 'center' },
];

export function dataQualitySheet(latest: LatestRun, today: string): ListSheet<StreetRate> {
  return {
    sheetName: '数据质量',
    title: '各街道数据质量（最近一次数据比对）',
    leftLine: latest
      ? `比对日期：${formatChineseDate(chinaToday(new Date(latest.startedAt)))}`
      : '本活动尚无数据比对记录',
    rightLine: `导出时间：${formatChineseDate(today)}`,
    columns: COLUMNS,
    pages: pagesOf(latest?.streets ?? []),
    footer:
      '每百户问题线索 = 该次比对后街道存在的问题线索数（各规则合计）÷ 国扶系统中属于该街道的户数 × 100；逐次变化见“数据比对—筛查结果”页的数据质量趋势图。',
    wrapFooter: true,
  };
}
