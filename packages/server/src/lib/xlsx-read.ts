// Reading user workbooks: header rows found by name among the first rows of a sheet.
import type { XlsxRow } from './xlsx/book.js';

/** Header text compared loosely: no spaces or line breaks, half-width brackets, no required-marks or colons. */
function normaliseHeader(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[*＊:：]/g, '');
}

export interface HeaderRow {
  /** 1-based row number of the header row. */
  row: number;
  /** 1-based column → field. */
  columns: Map<number, string>;
  unknown: string[];
}

/**
 * Finds the header row among the given rows (title rows come above it) by counting cells that
 * name a known column: the row naming the most, with at least `minMatches`.
 */
export function findHeaderRow(
  rows: readonly XlsxRow[],
  synonyms: Record<string, readonly string[]>,
  minMatches = 3,
): HeaderRow | null {
  const lookup = new Map<string, string>();
  for (const [field, names] of Object.entries(synonyms))
    for (const n of names) lookup.set(normaliseHeader(n), field);
  let best: HeaderRow | null = null;
  for (const r of rows) {
    const columns = new Map<number, string>();
    const unknown: string[] = [];
    r.cells.forEach((value, i) => {
      if (value === null) return;
      const text = value instanceof Date ? value.toISOString() : String(value);
      const field = lookup.get(normaliseHeader(text));
      if (field && ![...columns.values()].includes(field)) columns.set(i + 1, field);
      else if (text.trim()) unknown.push(text.trim());
    });
    if (columns.size >= minMatches && (!best || columns.size > best.columns.size))
      best = { row: r.rowNo, columns, unknown };
  }
  return best;
}
