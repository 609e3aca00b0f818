// The office's calendar as a file: import from .xlsx or .csv (columns 日期, 类型 放假/调休上班/照常,
// 名称), checked row by row — nothing is stored unless every row is good — and the year's
// merged calendar exported in the same columns, so an exported file imports back unchanged.
import {
  AppError,
  CALENDAR_DAY_LABELS,
  type CalendarDay,
  type CalendarDayKind,
  parseCellDate,
  weekdayLabel,
} from '@paicha/core';
import type { CalendarDayView, CalendarImportReport } from '@paicha/core/api/calendar';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { csvText } from '../../lib/csv.js';
import {
  type CellValue,
  EXCEL_LIMITS,
  openXlsxBuffer,
  type XlsxLimits,
  type XlsxRow,
} from '../../lib/xlsx/book.js';
import { NOT_XLSX } from '../../lib/xlsx/zip.js';
import { findHeaderRow } from '../../lib/xlsx-read.js';

/** A year has at most 366 days; a few years at once is still far below this. */
const MAX_ROWS = 3000;

/** A calendar file is a few KB of XML; anything near these limits is not one. */
const CALENDAR_XLSX_LIMITS: XlsxLimits = {
  ...EXCEL_LIMITS,
  maxColumns: 64,
  maxRows: MAX_ROWS + 20,
  maxInflatedBytes: 16 * 1_048_576,
  maxRatio: 400,
  ratioFloor: 1_048_576,
  maxDepth: 64,
  maxSharedChars: 1_000_000,
};

const SYNONYMS: Record<'date' | 'kind' | 'name', readonly string[]> = {
  date: ['日期'],
  kind: ['类型', '安排'],
  name: ['名称', '节日', '节假日'],
};

const KIND_BY_LABEL = new Map<string, CalendarDayKind>([
  ...Object.entries(CALENDAR_DAY_LABELS).map(([k, v]) => [v, k as CalendarDayKind] as const),
  ['休息', 'holiday'],
  ['放假调休', 'holiday'],
  ['上班', 'workday'],
  ['调休', 'workday'],
  ['补班', 'workday'],
  ['正常', 'ordinary'],
]);

type Raw = { rowNumber: number; date: CellValue; kind: CellValue; name: CellValue };

const text = (v: CellValue) =>
  v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

export interface ParsedCalendarFile {
  days: CalendarDay[];
  report: CalendarImportReport;
}

/** Reads and checks every row; `report.rejected` > 0 means the file must not be stored. */
export async function parseCalendarFile(buffer: Buffer, filename: string): Promise<ParsedCalendarFile> {
  const raws = /\.(csv|txt)$/i.test(filename) ? readCsv(buffer) : await readXlsx(buffer);
  const errors: CalendarImportReport['errors'] = [];
  const days: CalendarDay[] = [];
  const seen = new Map<string, number>();
  for (const r of raws) {
    const before = errors.length;
    const fail = (column: string, value: string, message: string) =>
      errors.push({ row: r.rowNumber, column, value, message });
    const date = parseCellDate(r.date);
    if (!date.ok || !date.value) fail('日期', text(r.date), date.ok ? '日期不能为空' : date.message);
    const kindText = text(r.kind);
    const kind = KIND_BY_LABEL.get(kindText.replace(/\s+/g, ''));
    if (!kind) fail('类型', kindText, '类型应为“放假”“调休上班”或“照常”');
    const name = text(r.name);
    if (name.length > 40) fail('名称', name, '名称不超过40个字');
    const d = date.ok ? date.value : null;
    if (d) {
      const first = seen.get(d);
      if (first !== undefined) fail('日期', d, `与第${first}行重复`);
      else seen.set(d, r.rowNumber);
    }
    if (errors.length === before && d && kind) days.push({ date: d, kind, name });
  }
  const rejectedRows = new Set(errors.map((e) => e.row)).size;
  return {
    days,
    report: {
      rows: raws.length,
      accepted: raws.length - rejectedRows,
      rejected: rejectedRows,
      imported: 0,
      errors,
    },
  };
}

function tooMany(): never {
  throw new AppError('unprocessable', `一次最多导入 ${MAX_ROWS} 行`);
}

function readCsv(buffer: Buffer): Raw[] {
  // The office saves from Excel: UTF-8 with or without BOM. (GBK files are read as Excel files
  // would show them garbled; the message below names the header it expects.)
  const parsedCsv = Papa.parse<string[]>(buffer.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  });
  const rows: XlsxRow[] = parsedCsv.data.map((cells, i) => ({ rowNo: i + 1, cells }));
  return fromRows(rows);
}

async function readXlsx(buffer: Buffer): Promise<Raw[]> {
  const book = await openXlsxBuffer(buffer, CALENDAR_XLSX_LIMITS, {
    dates: true,
  }).catch((err: unknown) => {
    throw err instanceof AppError ? err : new AppError('unprocessable', NOT_XLSX);
  });
  try {
    const rows: XlsxRow[] = [];
    for await (const batch of book.rows(0)) {
      rows.push(...batch);
      if (rows.length > MAX_ROWS + 20) tooMany();
    }
    return fromRows(rows);
  } finally {
    await book.close();
  }
}

function fromRows(rows: readonly XlsxRow[]): Raw[] {
  const header = findHeaderRow(rows.slice(0, 15), SYNONYMS, 2);
  if (
    !header ||
    ![...header.columns.values()].includes('date') ||
    ![...header.columns.values()].includes('kind')
  )
    throw new AppError('unprocessable', '没有找到表头行：表头应包含“日期”“类型”（以及可选的“名称”）');
  const col = (field: string) => [...header.columns].find(([, f]) => f === field)?.[0];
  const [dc, kc, nc] = [col('date'), col('kind'), col('name')];
  const out: Raw[] = [];
  for (const r of rows) {
    if (r.rowNo <= header.row) continue;
    const cell = (c: number | undefined) => (c === undefined ? null : (r.cells[c - 1] ?? null));
    const raw = { rowNumber: r.rowNo, date: cell(dc), kind: cell(kc), name: cell(nc) };
    if ([raw.date, raw.kind, raw.name].every((v) => text(v) === '')) continue;
    out.push(raw);
    if (out.length > MAX_ROWS) tooMany();
  }
  return out;
}

const HEADERS = ['日期', '星期', '类型', '名称', '来源'];

function exportRows(days: readonly CalendarDayView[]) {
  return days.map((d) => [
    d.date,
    weekdayLabel(d.date),
    CALENDAR_DAY_LABELS[d.kind],
    d.name,
    d.source === 'office' ? '本单位设置' : '国务院通知',
  ]);
}

export async function calendarXlsx(year: number, days: readonly CalendarDayView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年节假日`);
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of exportRows(days)) ws.addRow(r);
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 12 }, { width: 18 }, { width: 12 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function calendarCsv(days: readonly CalendarDayView[]): string {
  return `\uFEFF${csvText([HEADERS, ...exportRows(days)])}`;
}
