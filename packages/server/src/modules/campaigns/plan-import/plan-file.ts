// An uploaded plan read into its table and text: a Word .docx (the table with the 任务分解表's
// headers, the body for title, 文号 and 时间安排) or an .xlsx (the first sheet with that header).
// Both through the guarded readers; a plan is a few pages, so the limits are small.
import { AppError } from '@paicha/core';
import { type DocxCell, type DocxLimits, readDocx } from '../../../lib/docx/docx-reader.js';
import { type CellValue, EXCEL_LIMITS, openXlsxBuffer, type XlsxLimits } from '../../../lib/xlsx/book.js';
import { bufferSource, NOT_XLSX, readDirectory } from '../../../lib/xlsx/zip.js';
import { findPlanHeader, MAX_PLAN_ROWS, type PlanTable, readPlanTable, type TableRow } from './plan-table.js';
import { type PlanText, readPlanText } from './plan-text.js';

/** Bytes of an uploaded plan: a plan with its table is tens of KB; 5 MB leaves room for pictures. */
export const MAX_PLAN_BYTES = 5 * 1_048_576;

const XML_LIMITS = { maxInflatedBytes: 32 * 1_048_576, maxRatio: 200, ratioFloor: 1_048_576, maxDepth: 64 };
const DOCX_LIMITS: DocxLimits = { ...XML_LIMITS, maxText: 200_000, maxRows: MAX_PLAN_ROWS + 50 };
const XLSX_LIMITS: XlsxLimits = {
  ...EXCEL_LIMITS,
  ...XML_LIMITS,
  maxColumns: 64,
  maxRows: MAX_PLAN_ROWS + 100,
  maxSharedChars: 8_000_000,
};

export interface PlanFile {
  format: 'xlsx' | 'docx';
  table: PlanTable;
  text: PlanText;
}

export async function readPlanFile(buf: Buffer): Promise<PlanFile> {
  if (buf.length > MAX_PLAN_BYTES)
    throw new AppError('payload_too_large', `文件超过 ${MAX_PLAN_BYTES / 1_048_576} MB，已拒绝`);
  const entries = await readDirectory(bufferSource(buf)).catch(() => {
    throw new AppError(
      'unprocessable',
      '无法读取该文件，请上传任务分解表（.xlsx）或方案的 Word 文件（.docx）',
    );
  });
  if (entries.has('word/document.xml')) return readWordPlan(buf);
  return readExcelPlan(buf);
}

async function readWordPlan(buf: Buffer): Promise<PlanFile> {
  const doc = await readDocx(buf, DOCX_LIMITS);
  for (const t of doc.tables) {
    const rows = t.rows.map((cells, i) => gridRow(i + 1, cells));
    if (findPlanHeader(rows) < 0) continue;
    const above = doc.paragraphs.slice(Math.max(0, t.paragraphsBefore - 3), t.paragraphsBefore);
    const table = readPlanTable(rows, above);
    // Text before the table (title, 文号, 时间安排); an attachment's own title line is not the plan's.
    const body = doc.paragraphs.slice(0, t.paragraphsBefore).filter((p) => !/^附件\s*\d*$/.test(p));
    return { format: 'docx', table, text: readPlanText(body) };
  }
  throw new AppError(
    'unprocessable',
    doc.tables.length === 0
      ? 'Word 文件中没有表格：请上传含任务分解表（序号、排查项目、排查内容、责任单位）的方案'
      : '没有找到任务分解表：表头应包含 序号、排查项目、排查内容、责任单位',
  );
}

/** A Word row on the table's grid: a cell spanning columns leaves the columns after it blank. */
function gridRow(rowNo: number, cells: readonly DocxCell[]): TableRow {
  const out: string[] = [];
  const continued: boolean[] = [];
  for (const c of cells) {
    out.push(c.lines.join('\n').trim());
    continued.push(c.continued);
    for (let i = 1; i < c.span; i++) {
      out.push('');
      continued.push(c.continued);
    }
  }
  return { rowNo, cells: out, continued };
}

async function readExcelPlan(buf: Buffer): Promise<PlanFile> {
  const book = await openXlsxBuffer(buf, XLSX_LIMITS, { dates: false }).catch((err: unknown) => {
    throw err instanceof AppError && err.code !== 'unprocessable'
      ? err
      : new AppError('unprocessable', `${NOT_XLSX}；或上传方案的 Word 文件（.docx）`);
  });
  try {
    for (let s = 0; s < book.sheets.length; s++) {
      const rows: TableRow[] = [];
      for await (const batch of book.rows(s))
        for (const r of batch) rows.push({ rowNo: r.rowNo, cells: r.cells.map(cellText) });
      if (findPlanHeader(rows) < 0) continue;
      const table = readPlanTable(rows);
      const text = readPlanText([]);
      return { format: 'xlsx', table, text };
    }
  } finally {
    await book.close();
  }
  throw new AppError('unprocessable', '没有找到任务分解表：表头应包含 序号、排查项目、排查内容、责任单位');
}

function cellText(v: CellValue): string {
  if (v === null || typeof v === 'boolean') return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).replace(/\r\n?/g, '\n');
}
