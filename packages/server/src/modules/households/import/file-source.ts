// A file's source from its first rows and its name (core detectSource), for a delivery of
// several exports imported at once. Only the first rows are read; the reader is closed after.
import { detectSource, type SourceGuess } from '@paicha/core';
import { openTable } from './read-table.js';
import type { TableFormat } from './types.js';

const HEAD_ROWS = 30;

export async function guessFileSource(
  path: string,
  fileName: string,
  format: TableFormat,
): Promise<SourceGuess> {
  const table = await openTable(path, format);
  const rows: unknown[][] = [];
  let sheet: number | null = null;
  read: for await (const batch of table.rows)
    for (const row of batch) {
      sheet ??= row.sheet;
      if (row.sheet !== sheet || rows.length >= HEAD_ROWS) break read;
      rows[row.rowNo - 1] = row.cells;
    }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return detectSource(rows, fileName);
}
