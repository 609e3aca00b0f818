// The 任务分解表 as rows of text, whichever file it came from: the header row found by name
// (序号, 排查项目, 排查内容, 责任单位 in any order, an optional 类别), the caption above it, and the
// data rows with 排查项目 carried down over merged or blank cells.
import { AppError, CATEGORIES, type Category } from '@paicha/core';

/** One table row as the file has it: a cell's text per grid column. */
export interface TableRow {
  /** The sheet's row number, or the Word table's row (1-based). */
  rowNo: number;
  cells: string[];
  /** Per column: the cell is merged with the one above (Word's w:vMerge continue). */
  continued?: boolean[];
}

export interface TableItem {
  row: number;
  seq: number;
  category: Category | null;
  subCategory: string;
  subCategoryCell: string;
  content: string;
  unitsText: string;
  warnings: string[];
}

export interface PlanTable {
  /** The caption above the header (the 月报表's title), '' when none. */
  caption: string;
  items: TableItem[];
  /** Columns the header names that are not read (排查情况, 整改措施 …). */
  ignoredColumns: string[];
}

/** Items one table may hold. */
export const MAX_PLAN_ROWS = 500;

const FIELDS = {
  seq: ['序号', '编号'],
  subCategory: ['排查项目', '排查事项', '项目'],
  content: ['排查内容', '内容', '排查重点'],
  units: ['责任单位', '责任部门', '牵头单位'],
  category: ['类别', '分类', '排查类别'],
} as const;
type Field = keyof typeof FIELDS;
const REQUIRED: Field[] = ['seq', 'subCategory', 'content', 'units'];

const norm = (s: string) => s.replace(/[\s\u3000:：*＊]/g, '');

/** Header columns of a row, or null when it does not name all four required columns. */
function headerOf(row: TableRow): { columns: Map<Field, number>; ignored: string[] } | null {
  const columns = new Map<Field, number>();
  const ignored: string[] = [];
  row.cells.forEach((text, i) => {
    const n = norm(text);
    if (!n) return;
    const field = (Object.keys(FIELDS) as Field[]).find(
      (f) => !columns.has(f) && (FIELDS[f] as readonly string[]).includes(n),
    );
    if (field) columns.set(field, i);
    else ignored.push(text.trim());
  });
  return REQUIRED.every((f) => columns.has(f)) ? { columns, ignored } : null;
}

/** The header's row index among the first rows, or -1. */
export function findPlanHeader(rows: readonly TableRow[]): number {
  return rows.slice(0, 20).findIndex((r) => headerOf(r) !== null);
}

/** "1", "1.", "（1）", "第1项" → 1. */
function seqOf(text: string): number | null {
  const m = /^[（(第]?\s*(\d{1,3})\s*[)）.、．项]?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** The caption: the last line above the header that reads as a title (not 附件 nor 填报单位). */
function captionOf(above: readonly TableRow[]): string {
  const lines = above
    .flatMap((r) => r.cells.flatMap((c) => c.split('\n')))
    .map((s) => s.trim())
    .filter((s) => s && !/^附件\s*\d*$/.test(s) && !/^填报单位|^填报时间|^单位[:：]/.test(s));
  return lines.findLast((s) => /表$/.test(s)) ?? lines.at(-1) ?? '';
}

/**
 * Reads the table from its rows; `above` are lines before the table (a Word caption paragraph)
 * used when no caption row sits inside the table itself.
 */
export function readPlanTable(rows: readonly TableRow[], above: readonly string[] = []): PlanTable {
  const at = findPlanHeader(rows);
  const header = at >= 0 ? headerOf(rows[at] as TableRow) : null;
  if (!header)
    throw new AppError('unprocessable', '没有找到任务分解表：表头应包含 序号、排查项目、排查内容、责任单位');
  const col = (f: Field) => header.columns.get(f);
  const caption =
    captionOf(rows.slice(0, at)) || captionOf(above.map((text, i) => ({ rowNo: i, cells: [text] })));
  const items: TableItem[] = [];
  let carried = '';
  for (const r of rows.slice(at + 1)) {
    const cell = (f: Field) => {
      const c = col(f);
      return c === undefined ? '' : (r.cells[c] ?? '').trim();
    };
    const cleanLines = (s: string) =>
      s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
    const seqText = cell('seq');
    const content = cleanLines(cell('content'));
    const unitsText = cleanLines(cell('units'));
    if (!seqText && !content && !unitsText) continue; // blank row or a merged caption row
    if (!seqText && !unitsText && /^注[:：]/.test(r.cells.join('').trim())) continue; // 注：此表于…
    if (items.length >= MAX_PLAN_ROWS)
      throw new AppError('payload_too_large', `任务分解表超过 ${MAX_PLAN_ROWS} 项，已拒绝`);
    const warnings: string[] = [];
    let seq = seqOf(seqText);
    if (seq === null) {
      seq = (items.at(-1)?.seq ?? 0) + 1;
      warnings.push(seqText ? `序号“${seqText}”不是数字，按顺序记为 ${seq}` : `未填序号，按顺序记为 ${seq}`);
    }
    if (items.some((i) => i.seq === seq)) warnings.push(`序号 ${seq} 与前面的事项重复`);
    const subCol = col('subCategory');
    const merged = subCol !== undefined && r.continued?.[subCol] === true;
    const subCategoryCell = merged ? '' : cleanLines(cell('subCategory')).replace(/\n/g, '');
    if (subCategoryCell) carried = subCategoryCell;
    if (!carried) warnings.push('未填排查项目');
    if (!content) warnings.push('未填排查内容');
    if (!unitsText) warnings.push('未填责任单位');
    const categoryText = norm(cell('category')).replace(/[“”"]/g, '');
    const category = (CATEGORIES as readonly string[]).includes(categoryText)
      ? (categoryText as Category)
      : null;
    if (categoryText && !category)
      warnings.push(`类别“${cell('category')}”不在 ${CATEGORIES.join('、')} 之中，不分类`);
    items.push({
      row: r.rowNo,
      seq,
      category,
      subCategory: carried,
      subCategoryCell,
      content,
      unitsText,
      warnings,
    });
  }
  if (items.length === 0) throw new AppError('unprocessable', '任务分解表中没有排查事项');
  return { caption, items, ignoredColumns: header.ignored };
}
