// The 月报表 as an Excel workbook an office can print and file as is: A4 landscape fitted to the
// page width, the header row repeated on every page, borders, wrapped text, official fonts.
import ExcelJS from 'exceljs';
import { layoutRows } from './monthly-layout.js';
import {
  COLUMN_WIDTHS,
  COLUMNS,
  FONTS,
  lineCount,
  type MonthlyTable,
  type MonthlyTableRow,
  signatureLine,
} from './monthly-table.js';

/** GB2312 charset: when a font is missing, Excel/WPS substitute a Chinese face, not a Latin one. */
const CHARSET = 134;
const BODY_SIZE = 10.5;
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_ROW = 3;

const bodyFont = { name: FONTS.body, size: BODY_SIZE, charset: CHARSET };

function cellsOf(row: MonthlyTableRow): string[] {
  return [
    String(row.seq),
    row.groupLabel,
    row.content,
    row.situation,
    row.measures,
    row.progress,
    row.unitsText,
  ];
}

export async function renderMonthlyXlsx(t: MonthlyTable, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'paicha 问题大排查';
  const ws = wb.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C&"仿宋_GB2312"&10第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const last = COLUMNS.length;

  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { name: FONTS.title, size: 18, charset: CHARSET };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 40;

  // 填报单位 on the left, 报告期 in the middle, 填报时间 on the right, as the plan's line reads.
  const line = ws.getRow(2);
  line.height = 26;
  const parts: [number, number, string, 'left' | 'center' | 'right'][] = [
    [1, 3, `填报单位：${t.unitName}`, 'left'],
    [4, 5, `报告期：${t.periodLabel}`, 'center'],
    [6, 7, `填报时间：${t.filledDate}`, 'right'],
  ];
  for (const [from, to, text, horizontal] of parts) {
    ws.mergeCells(2, from, 2, to);
    const c = ws.getCell(2, from);
    c.value = text;
    c.font = { name: FONTS.body, size: 12, charset: CHARSET };
    c.alignment = { horizontal, vertical: 'middle' };
  }

  const header = ws.getRow(HEADER_ROW);
  header.height = 28;
  COLUMNS.forEach((name, i) => {
    const c = header.getCell(i + 1);
    c.value = name;
    c.font = { name: FONTS.heading, size: 11, charset: CHARSET };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });

  const first = HEADER_ROW + 1;
  const layout = layoutRows(t);
  t.rows.forEach((row, i) => {
    const r = ws.getRow(first + i);
    cellsOf(row).forEach((v, col) => {
      const c = r.getCell(col + 1);
      c.value = col === 0 ? row.seq : v;
      c.font = bodyFont;
      c.border = BORDER;
      const centered = col === 0 || col === 1 || col === 6;
      c.alignment = { horizontal: centered ? 'center' : 'left', vertical: 'middle', wrapText: true };
    });
    r.height = Math.round((layout.heights[i] ?? 24) * 10) / 10;
  });
  for (const m of layout.merges) ws.mergeCells(first + m.start, m.col, first + m.end, m.col);
  for (const b of layout.breaks) ws.getRow(first + b - 1).addPageBreak();

  let next = first + t.rows.length;
  const closing: [string, number][] = [];
  if (t.summary) closing.push([t.summary, 12]);
  closing.push([signatureLine(t.signature), 12], [t.footer, 11]);
  for (const [text, size] of closing) {
    ws.mergeCells(next, 1, next, last);
    const c = ws.getCell(next, 1);
    c.value = text;
    c.font = { name: FONTS.body, size, charset: CHARSET };
    c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(next).height = Math.max(24, lineCount(text, 140) * 18 + 8);
    next += 1;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
