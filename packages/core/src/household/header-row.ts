// Finding the header row of an export: title rows, 填报单位 lines, blank rows and merged title
// cells come first in real files, and grouped headers take two rows.
import { type HeaderMatch, headerText, type MatchOptions, matchHeader, matchHeaders } from './headers.js';
import type { HouseholdSource } from './sources.js';
import { cleanText } from './text.js';

export interface HeaderRow {
  /** Index of the (first) header row in the rows given. */
  headerRow: number;
  /** 2 when a grouped header ("医疗保障" over "是否参加…") was merged with the row below. */
  headerRows: 1 | 2;
  /** Index of the first data row. */
  dataStart: number;
  /** The header text of each column (lower row preferred where two rows were merged). */
  headers: string[];
  match: HeaderMatch;
}

export interface FindHeaderOptions extends MatchOptions {
  /** Rows to look through; title and 填报单位 rows rarely take more than a handful. */
  maxScan?: number;
}

// A header names at least two fields; a title row or a 填报单位 line names none.
const MIN_FIELDS = 2;

// More fields named wins; among equals, the candidate satisfying more required groups.
function score(m: HeaderMatch): number {
  return Object.keys(m.fields).length * 10 - m.missing.length;
}

// The row under a grouped header is blank below every cell that spans both rows (姓名, 证件号码)
// — or repeats it, with readers that copy merged values — and holds no long digit runs (ID
// numbers, household numbers, amounts), which only data rows do.
function isSubHeader(upper: string[], lower: string[], source: HouseholdSource): boolean {
  if (lower.every((c) => c === '') || lower.some((c) => /\d{4,}/.test(c))) return false;
  return upper.every((u, c) => !matchHeader(u, source) || lower[c] === '' || lower[c] === u);
}

// Government forms often number their columns in a row under the header (1 2 3 … or 栏次).
function isColumnNumberRow(row: readonly unknown[] | undefined): boolean {
  const cells = (row ?? []).map(cleanText).filter((c) => c !== '');
  return (
    cells.length >= 2 && cells.every((c) => /^(\d{1,3}|[a-z]|[一二三四五六七八九十]+|栏次|序号)$/i.test(c))
  );
}

/**
 * Finds the header row below title rows, blank rows and merged title cells: the row (or pair of
 * rows, for grouped headers) naming the most known fields, earliest on ties. Null when no row
 * within maxScan names at least two fields. dataStart skips a column-number row; blank rows
 * further down are the reader's to skip.
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  source: HouseholdSource,
  options: FindHeaderOptions = {},
): HeaderRow | null {
  let best: { found: HeaderRow; score: number } | null = null;
  const limit = Math.min(rows.length, options.maxScan ?? 30);
  for (let r = 0; r < limit; r++) {
    const upper = (rows[r] ?? []).map(headerText);
    const single = matchHeaders(upper, source, options);
    let found: HeaderRow = { headerRow: r, headerRows: 1, dataStart: r + 1, headers: upper, match: single };
    const lower = (rows[r + 1] ?? []).map(headerText);
    if (isSubHeader(upper, lower, source)) {
      const headers = mergeHeaderRows(upper, lower, source);
      const match = matchHeaders(headers, source, options);
      // Merging must beat both rows alone: a blank or title row above the header is no group row.
      const alone = Math.max(score(single), score(matchHeaders(lower, source, options)));
      if (score(match) > alone) found = { headerRow: r, headerRows: 2, dataStart: r + 2, headers, match };
    }
    if (Object.keys(found.match.fields).length < MIN_FIELDS) continue;
    if (!best || score(found.match) > best.score) best = { found, score: score(found.match) };
  }
  if (!best) return null;
  const { found } = best;
  while (isColumnNumberRow(rows[found.dataStart])) found.dataStart++;
  return found;
}

// Per column: the upper cell where it names a field (姓名 spanning both rows), else the lower
// cell where that does (是否参加大病保险 under 医疗保障), else whichever is not blank.
function mergeHeaderRows(upper: string[], lower: string[], source: HouseholdSource): string[] {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, c) => {
    const u = upper[c] ?? '';
    const l = lower[c] ?? '';
    if (matchHeader(u, source)) return u;
    if (matchHeader(l, source)) return l;
    return u || l;
  });
}
