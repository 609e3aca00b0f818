// The header phase of a streamed file: rows are held back until the header row is known (it may
// sit under title rows, a 填报单位 line and blank rows), then released as data rows. A sheet with
// no header row in its first rows is skipped, so a cover sheet does not stop an import.
import { type FieldId, findHeaderRow, type HeaderRow, type HouseholdSource, isBlank } from '@paicha/core';
import type { RawRow } from './read-table.js';

const SCAN_ROWS = 30;

export interface HeaderFound {
  header: HeaderRow;
  sheet: number;
  sheetName: string;
  /** Row number (1-based) of the header row in the file. */
  headerRowNo: number;
}

/**
 * Yields the data rows of the first sheet that has a header row, after calling `onHeader` once.
 * Returns without calling it when no sheet has one.
 */
export async function* dataRows(
  rows: AsyncIterable<RawRow>,
  source: HouseholdSource,
  overrides: Readonly<Record<string, FieldId | null>>,
  onHeader: (found: HeaderFound) => void,
): AsyncGenerator<RawRow> {
  let buffer: RawRow[] = [];
  let found: HeaderFound | null = null;
  let skipSheet = -1;
  const tryHeader = (): HeaderFound | null => {
    const first = buffer[0];
    if (!first) return null;
    // ExcelJS skips empty rows: place each row at its real offset so row numbers stay right.
    const grid: unknown[][] = [];
    for (const r of buffer) grid[r.rowNo - first.rowNo] = r.cells;
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    const header = findHeaderRow(grid, source, { overrides, maxScan: SCAN_ROWS });
    if (!header) return null;
    return {
      header,
      sheet: first.sheet,
      sheetName: first.sheetName,
      headerRowNo: first.rowNo + header.headerRow,
    };
  };
  const release = function* (f: HeaderFound) {
    const firstData = (buffer[0]?.rowNo ?? 0) + f.header.dataStart;
    for (const r of buffer) if (r.rowNo >= firstData) yield r;
    buffer = [];
  };
  for await (const row of rows) {
    if (found) {
      if (row.sheet !== found.sheet) return;
      yield row;
      continue;
    }
    if (row.sheet === skipSheet) continue;
    if (buffer.length > 0 && row.sheet !== buffer[0]?.sheet) {
      found = tryHeader();
      if (found) {
        onHeader(found);
        yield* release(found);
        return;
      }
      buffer = [];
    }
    if (buffer.length === 0 && row.cells.every(isBlank)) continue;
    buffer.push(row);
    if (buffer.length >= SCAN_ROWS) {
      found = tryHeader();
      if (found) {
        onHeader(found);
        yield* release(found);
      } else {
        skipSheet = row.sheet;
        buffer = [];
      }
    }
  }
  if (!found && buffer.length > 0) {
    found = tryHeader();
    if (found) {
      onHeader(found);
      yield* release(found);
    }
  }
}
