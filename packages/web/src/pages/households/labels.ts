// Words and small formatters shared by the 数据比对 pages.
import { HOUSEHOLD_SOURCES, type HouseholdSource, SOURCE_LABELS } from '@paicha/core';
import type { ImportStatus } from '../../api/householdTypes';

/** The names clerks use for the systems (the full name is in SOURCE_LABELS). */
export const SOURCE_SHORT: Record<HouseholdSource, string> = {
  national: '国扶系统',
  sunshine: '阳光扶贫',
  education: '教育',
  medical: '医保',
  housing: '住建',
  civil: '民政',
  water: '水务',
};

export const SOURCE_OPTIONS = HOUSEHOLD_SOURCES.map((s) => ({
  value: s,
  label: SOURCE_SHORT[s],
  title: SOURCE_LABELS[s],
}));

export const IMPORT_STATUS: Record<ImportStatus, { label: string; color: string }> = {
  running: { label: '导入中', color: 'processing' },
  committed: { label: '已导入（当前数据）', color: 'success' },
  rejected: { label: '未导入（有错误）', color: 'error' },
  failed: { label: '导入失败', color: 'error' },
  superseded: { label: '已被新数据替换', color: 'default' },
};

/** 1536 → "1.5 KB"; byte counts of uploads and import progress. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** Column index (0-based) as Excel names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Encodings as the server reports them, in words a clerk recognises. */
export function encodingLabel(encoding: string | null, format: string): string {
  if (format === 'xlsx') return 'Excel 工作簿';
  if (encoding === 'gb18030') return 'CSV（GBK/GB18030 编码，Excel 另存的中文 CSV）';
  if (encoding === 'utf-8-bom') return 'CSV（UTF-8 带 BOM）';
  return encoding ? `CSV（${encoding.toUpperCase()}）` : 'CSV';
}
