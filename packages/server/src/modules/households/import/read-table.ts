// Streaming readers: a file becomes an async sequence of row batches (cells as plain values)
// without ever holding the file in memory. Batches, not single rows: at a million rows, one
// await per row per pipeline stage costs more than the parsing itself. CSV: encoding detected
// from the first 64 KB (core detectTextEncoding: UTF-8, UTF-8 with BOM, GBK/GB18030), then read,
// decoded and split by papaparse's rules in a thread of its own (csv-rows.ts). XLSX: the guarded
// reader of lib/xlsx (limits on inflated size, ratio, cell length, rows, columns and nesting are
// checked while streaming), styles ignored (dates arrive as Excel serials, which parseCellDate
// reads; ID numbers typed as numbers arrive as numbers, which normalizeIdNumber recovers or
// refuses).
import { open, stat } from 'node:fs/promises';
import { detectTextEncoding, type TextEncodingName } from '@paicha/core';
import { EXCEL_LIMITS, openXlsxFile, type XlsxLimits, type XlsxRow } from '../../../lib/xlsx/book.js';
import { csvRows } from './csv-rows.js';
import type { RawRow, TableFormat, TableReader } from './types.js';

export function formatOf(fileName: string): TableFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return null;
}

export async function openTable(path: string, format: TableFormat): Promise<TableReader> {
  const encoding = format === 'csv' ? await sniffEncoding(path) : null;
  let bytes = 0;
  const count = (n: number) => {
    bytes += n;
  };
  const rows = encoding === null ? xlsxRows(path, count) : csvRows(path, encoding, count);
  return { encoding, rows, bytesRead: () => bytes };
}

async function sniffEncoding(path: string): Promise<TextEncodingName> {
  const fh = await open(path);
  try {
    const head = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return detectTextEncoding(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/**
 * Limits for household exports: a province's roll (~100 MB .xlsx) inflates ten- to twentyfold,
 * so the XML budget follows the file's size; sheets stay within Excel's own limits.
 */
function householdXlsxLimits(fileSize: number): XlsxLimits {
  return {
    ...EXCEL_LIMITS,
    maxColumns: 4096,
    maxInflatedBytes: Math.max(512 * 1_048_576, 50 * fileSize),
    maxRatio: 400,
    ratioFloor: 2 * 1_048_576,
    maxDepth: 64,
    maxSharedChars: 200_000_000,
  };
}

async function* xlsxRows(path: string, count: (n: number) => void): AsyncGenerator<RawRow[]> {
  const book = await openXlsxFile(path, householdXlsxLimits((await stat(path)).size), { dates: false });
  let counted = 0;
  try {
    for (let sheet = 0; sheet < book.sheets.length; sheet++) {
      const sheetName = book.sheets[sheet]?.name || `Sheet${sheet + 1}`;
      for await (const rows of book.rows(sheet)) {
        count(book.bytesRead() - counted);
        counted = book.bytesRead();
        const batch: RawRow[] = new Array(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i] as XlsxRow;
          batch[i] = { sheet, sheetName, rowNo: r.rowNo, cells: r.cells };
        }
        yield batch;
      }
    }
  } finally {
    await book.close();
  }
}
