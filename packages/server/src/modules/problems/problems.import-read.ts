// Reading a ledger file for the import: the guarded streaming reader (lib/xlsx) with the
// ledger's limits, so a hostile or oversized file is refused while it is read — the row cap
// right after the first row beyond it, never after parsing the whole file.
import { AppError } from '@paicha/core';
import {
  type CellValue,
  EXCEL_LIMITS,
  openXlsxBuffer,
  type XlsxLimits,
  type XlsxRow,
} from '../../lib/xlsx/book.js';
import { NOT_XLSX } from '../../lib/xlsx/zip.js';
import { findHeaderRow, type HeaderRow } from '../../lib/xlsx-read.js';
import { IMPORT_COLUMNS, IMPORT_SYNONYMS } from './problems.import-format.js';

/** Data rows one import may hold. */
const MAX_IMPORT_ROWS = 5000;

/** The ledger is a few thousand rows of a dozen columns: a few MB of XML, far below these. */
export const LEDGER_XLSX_LIMITS: XlsxLimits = {
  ...EXCEL_LIMITS,
  maxColumns: 1024,
  maxInflatedBytes: 256 * 1_048_576,
  maxRatio: 400,
  ratioFloor: 1_048_576,
  maxDepth: 64,
  maxSharedChars: 32_000_000,
};

/** Title rows may sit above the header: it is looked for in the first rows of each sheet. */
const HEADER_SCAN_ROWS = 15;

type Raw = Record<string, CellValue>;

export interface LedgerRow {
  rowNumber: number;
  raw: Raw;
}

export async function readLedgerRows(buffer: Buffer): Promise<LedgerRow[]> {
  const book = await openXlsxBuffer(buffer, LEDGER_XLSX_LIMITS, { dates: true }).catch((err: unknown) => {
    throw err instanceof AppError ? err : new AppError('unprocessable', NOT_XLSX);
  });
  for (let s = 0; s < book.sheets.length; s++) {
    const rows = await sheetLedgerRows(book.rows(s));
    if (rows) return rows;
  }
  throw new AppError(
    'unprocessable',
    `没有找到表头行。请使用导入模板，表头应包含：${IMPORT_COLUMNS.filter((c) => c.required)
      .map((c) => c.header)
      .join('、')}`,
  );
}

/** The data rows of a sheet, or null when the sheet has no header row (a cover sheet). */
async function sheetLedgerRows(batches: AsyncGenerator<XlsxRow[]>): Promise<LedgerRow[] | null> {
  const head: XlsxRow[] = [];
  let header: HeaderRow | null = null;
  const rows: LedgerRow[] = [];
  const decide = (): HeaderRow | null => {
    const found = findHeaderRow(head, IMPORT_SYNONYMS);
    if (!found) return null;
    const fields = [...found.columns.values()];
    const missing = IMPORT_COLUMNS.filter((c) => c.required && !fields.includes(c.field)).map(
      (c) => c.header,
    );
    if (missing.length) throw new AppError('unprocessable', `表头缺少必需的列：${missing.join('、')}`);
    for (const r of head) if (r.rowNo > found.row) take(found, r);
    return found;
  };
  const take = (h: HeaderRow, row: XlsxRow) => {
    const raw: Raw = {};
    let blank = true;
    for (const [col, field] of h.columns) {
      const v = row.cells[col - 1] ?? null;
      raw[field] = v;
      if (v !== null && String(v).trim() !== '') blank = false;
    }
    if (blank) return;
    rows.push({ rowNumber: row.rowNo, raw });
    if (rows.length > MAX_IMPORT_ROWS)
      throw new AppError(
        'unprocessable',
        `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件超过 ${MAX_IMPORT_ROWS} 行（读到第 ${row.rowNo} 行时停止），请分成几个文件导入`,
      );
  };
  try {
    for await (const batch of batches) {
      for (const row of batch) {
        if (header) take(header, row);
        else if (row.rowNo <= HEADER_SCAN_ROWS) head.push(row);
        else {
          header = decide();
          if (!header) return null;
          take(header, row);
        }
      }
    }
  } finally {
    // Stops inflating the rest of the sheet when a limit ended the reading early.
    await batches.return(undefined);
  }
  header ??= decide();
  return header ? rows : null;
}
