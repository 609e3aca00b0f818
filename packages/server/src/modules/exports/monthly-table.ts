// The plan's 任务分解月报表 as a neutral model, rendered to .xlsx and .docx by their own modules so
// both files carry exactly the same title, lines, columns, rows and merged cells.
import { lineCount } from '../../lib/text-width.js';

export { lineCount };

export const COLUMNS = [
  '序号',
  '排查项目',
  '排查内容',
  '排查情况',
  '整改措施',
  '整改进度',
  '责任单位',
] as const;

/** Column widths in Excel character units; the .docx scales the same proportions to its page. */
export const COLUMN_WIDTHS = [5.5, 10, 38, 30, 30, 18, 14] as const;

/** Fonts of Chinese official documents (GB/T 9704): 方正小标宋 titles, 仿宋_GB2312 text, 黑体 headings. */
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' } as const;

export interface MonthlyTableRow {
  seq: number;
  /** Rows of one check item share it (the consolidated table has one row per responsible unit). */
  itemKey: number;
  /** Rows merged under one printed 排查项目 cell share it. */
  groupKey: number;
  groupLabel: string;
  content: string;
  situation: string;
  measures: string;
  progress: string;
  unitsText: string;
}

export interface MonthlyTable {
  title: string;
  /** 填报单位 */
  unitName: string;
  /** 报告期, e.g. 2020年1月 */
  periodLabel: string;
  /** 填报时间 as 2020年1月4日. */
  filledDate: string;
  rows: MonthlyTableRow[];
  signature: { filler: string; reviewer: string; phone: string };
  /** The consolidated table's reporting summary (应报/已报/逾期/未报). */
  summary: string | null;
  footer: string;
  consolidated: boolean;
}

// The 排查项目 merge groups live in core (the report rows carry theirs, a snapshot keeps them).
export { mergeGroups } from '@paicha/core';

/** Runs of consecutive rows sharing a key (inclusive indexes); single rows are runs of one. */
export function runs<T>(
  rows: readonly T[],
  key: (row: T) => string | number,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  rows.forEach((row, i) => {
    const last = out[out.length - 1];
    if (last && i > 0 && key(rows[i - 1] as T) === key(row)) last.end = i;
    else out.push({ start: i, end: i });
  });
  return out;
}

/** 2020-01 → 2020年1月 */
export function periodLabel(period: string): string {
  return `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月`;
}

/** The line under the table: 填报人 / 审核人 / 联系电话, blanks left for a pen where unknown. */
export function signatureLine(s: MonthlyTable['signature']): string {
  const blank = '　　　　　　';
  return `填报人：${s.filler || blank}　　　　审核人：${s.reviewer || blank}　　　　联系电话：${s.phone || blank}`;
}

/** The file name offered for download, e.g. 开发区…月报表（中云街道 2020年1月）.xlsx */
export function exportFileName(t: MonthlyTable, ext: 'xlsx' | 'docx'): string {
  const who = t.consolidated ? '汇总' : t.unitName;
  return `${t.title}（${who} ${t.periodLabel}）.${ext}`;
}
