// Row heights, page breaks and merged cells of the .xlsx 月报表. Excel neither sizes rows with
// wrapped text in merged cells nor repeats a merged cell cut by a page break, so the layout does
// both: rows get heights from their text, page breaks are placed between rows (between items in
// the consolidated table, whose unit rows stay together), and a 排查项目 group continuing on the
// next page is merged again there with its label repeated, as a clerk would print it.
import { COLUMN_WIDTHS, lineCount, type MonthlyTable, type MonthlyTableRow, runs } from './monthly-table.js';

/** Points per wrapped line at 10.5 pt, generous enough for CJK faces with tall line boxes. */
const LINE_PT = 15;
const MIN_ROW = 24;
/** Printable height of an A4 landscape page with the sheet's margins (0.6 in + 0.7 in), in points. */
const PAGE_PT = 595 - (0.6 + 0.7) * 72;
/** Title (40) + unit line (26) above the first page's header row (28, repeated on every page). */
const FIRST_PAGE_EXTRA = 66;
const HEADER_PT = 28;
/** Row heights are estimates: leave a margin so a page never overflows into an orphan row. */
const SAFETY = 0.93;

interface Merge {
  col: number;
  start: number;
  end: number;
}

export interface Layout {
  heights: number[];
  /** Row indexes that start a new printed page. */
  breaks: number[];
  merges: Merge[];
}

const need = (text: string, col: number) => lineCount(text, COLUMN_WIDTHS[col] ?? 10) * LINE_PT + 6;

function cellTexts(r: MonthlyTableRow): string[] {
  return [String(r.seq), r.groupLabel, r.content, r.situation, r.measures, r.progress, r.unitsText];
}

/** Adds height evenly over a run of rows until `text` fits the merged cell of column `col`. */
function growToFit(heights: number[], run: { start: number; end: number }, text: string, col: number) {
  let have = 0;
  for (let i = run.start; i <= run.end; i++) have += heights[i] ?? 0;
  const missing = need(text, col) - have;
  if (missing <= 0) return;
  const n = run.end - run.start + 1;
  for (let i = run.start; i <= run.end; i++) heights[i] = (heights[i] ?? 0) + missing / n;
}

/** Page starts for rows of `heights`, keeping each block on one page where it fits on one. */
export function planPages(
  heights: readonly number[],
  blocks: readonly { start: number; end: number }[],
  firstCapacity: number,
  capacity: number,
): number[] {
  const breaks: number[] = [];
  let used = 0;
  let cap = firstCapacity;
  const newPage = (at: number) => {
    breaks.push(at);
    used = 0;
    cap = capacity;
  };
  for (const b of blocks) {
    let h = 0;
    for (let i = b.start; i <= b.end; i++) h += heights[i] ?? 0;
    if (used + h <= cap) {
      used += h;
      continue;
    }
    if (h <= capacity && used > 0) {
      newPage(b.start);
      used = h;
      continue;
    }
    for (let i = b.start; i <= b.end; i++) {
      const r = heights[i] ?? 0;
      if (used + r > cap && used > 0) newPage(i);
      used += r;
    }
  }
  return breaks;
}

export function layoutRows(t: MonthlyTable): Layout {
  const rows = t.rows;
  const spanned = t.consolidated ? [0, 1, 2] : [1];
  const heights = rows.map((r) =>
    Math.max(MIN_ROW, ...cellTexts(r).map((text, col) => (spanned.includes(col) ? 0 : need(text, col)))),
  );
  const items = runs(rows, (r) => r.itemKey);
  const groups = runs(rows, (r) => r.groupKey);
  if (t.consolidated) for (const run of items) growToFit(heights, run, rows[run.start]?.content ?? '', 2);
  for (const run of groups) growToFit(heights, run, rows[run.start]?.groupLabel ?? '', 1);

  const capacity = (PAGE_PT - HEADER_PT) * SAFETY;
  const breaks = planPages(
    heights,
    t.consolidated ? items : rows.map((_, i) => ({ start: i, end: i })),
    (PAGE_PT - HEADER_PT - FIRST_PAGE_EXTRA) * SAFETY,
    capacity,
  );
  const pageOf = (i: number) => breaks.filter((b) => b <= i).length;
  const merges: Merge[] = [];
  const mergeBy = (col: number, key: (r: MonthlyTableRow) => number) => {
    const parts = runs(
      rows.map((r, i) => ({ r, i })),
      ({ r, i }) => `${key(r)}|${pageOf(i)}`,
    );
    for (const p of parts) {
      if (p.end > p.start) merges.push({ col, start: p.start, end: p.end });
      // A group continued on a new page repeats its label there, which must fit too.
      const text = rows[p.start] ? cellTexts(rows[p.start] as MonthlyTableRow)[col - 1] : '';
      growToFit(heights, p, text ?? '', col - 1);
    }
  };
  mergeBy(2, (r) => r.groupKey);
  if (t.consolidated) {
    mergeBy(1, (r) => r.itemKey);
    mergeBy(3, (r) => r.itemKey);
  }
  return { heights, breaks, merges };
}
