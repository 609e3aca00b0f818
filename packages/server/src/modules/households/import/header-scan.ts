// The header phase of a streamed file: rows are held back until the header row is known (it may
// sit under title rows, a 填报单位 line and blank rows), then released as data rows. A sheet with
// no header row in its first rows is skipped, so a cover sheet does not stop an import. Rows
// travel in batches (read-table.ts).
import { type FieldId, findHeaderRow, type HeaderRow, type HouseholdSource, isBlank } from '@paicha/core';
import type { RawRow } from './types.js';

const SCAN_ROWS = 30;

export interface HeaderFound {
  header: HeaderRow;
  sheet: number;
  sheetName: string;
  /** Row number (1-based) of the header row in the file. */
  headerRowNo: number;
}

/**
 * Yields the data rows (in batches, as read) of the first sheet that has a header row, after
 * calling `onHeader` once. Returns without calling it when no sheet has one.
 */
export async function* dataRows(
  batches: AsyncIterable<RawRow[]>,
  source: HouseholdSource,
  overrides: Readonly<Record<string, FieldId | null>>,
  onHeader: (found: HeaderFound) => void,
): AsyncGenerator<RawRow[]> {
  let buffer: RawRow[] = [];
  let found: HeaderFound | null = null;
  let skipSheet = -1;
  const tryHeader = (): HeaderFound | null => {
    const first = buffer[0];
    if (!first) return null;
    // Rows the file does not hold are not read: place each row at its real offset so row numbers stay right.
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
  const release = (f: HeaderFound, out: RawRow[]) => {
    const firstData = (buffer[0]?.rowNo ?? 0) + f.header.dataStart;
    for (const r of buffer) if (r.rowNo >= firstData) out.push(r);
    buffer = [];
  };
  for await (const batch of batches) {
    if (found) {
      // The common case once the header is known: whole batches of the header's sheet.
      const sheet = found.sheet;
      if (batch.at(-1)?.sheet === sheet) {
        yield batch;
        continue;
      }
      const end = batch.findIndex((r) => r.sheet !== sheet);
      if (end > 0) yield batch.slice(0, end);
      return;
    }
    const out: RawRow[] = [];
    let done = false;
    for (const row of batch) {
      if (found) {
        if (row.sheet !== found.sheet) {
          done = true;
          break;
        }
        out.push(row);
        continue;
      }
      if (row.sheet === skipSheet) continue;
      if (buffer.length > 0 && row.sheet !== buffer[0]?.sheet) {
        found = tryHeader();
        if (found) {
          onHeader(found);
          release(found, out);
          done = true;
          break;
        }
        buffer = [];
      }
      if (buffer.length === 0 && row.cells.every(isBlank)) continue;
      buffer.push(row);
      if (buffer.length >= SCAN_ROWS) {
        found = tryHeader();
        if (found) {
          onHeader(found);
          release(found, out);
        } else {
          skipSheet = row.sheet;
          buffer = [];
        }
      }
    }
    if (out.length > 0) yield out;
    if (done) return;
  }
  if (!found && buffer.length > 0) {
    found = tryHeader();
    if (found) {
      onHeader(found);
      const out: RawRow[] = [];
      release(found, out);
      if (out.length > 0) yield out;
    }
  }
}
