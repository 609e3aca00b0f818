// Reading user workbooks: cell values unwrapped to plain values, header rows found by name.
import type ExcelJS from 'exceljs';

/** An ExcelJS cell value as a plain string, number, boolean or Date (formulas give their result). */
export function plainCellValue(v: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return plainCellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/** Header text compared loosely: no spaces or line breaks, half-width brackets, no required-marks or colons. */
export function normaliseHeader(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[*＊:：]/g, '');
}

/**
 * Finds the header row among the first rows of a sheet (title rows come above it) by counting
 * cells that name a known column. Returns the 1-based row number and column → field mapping.
 */
export function findHeaderRow(
  ws: ExcelJS.Worksheet,
  synonyms: Record<string, readonly string[]>,
  minMatches = 3,
  scanRows = 15,
): { row: number; columns: Map<number, string>; unknown: string[] } | null {
  const lookup = new Map<string, string>();
  for (const [field, names] of Object.entries(synonyms))
    for (const n of names) lookup.set(normaliseHeader(n), field);
  let best: { row: number; columns: Map<number, string>; unknown: string[] } | null = null;
  for (let r = 1; r <= Math.min(scanRows, ws.rowCount); r++) {
    const columns = new Map<number, string>();
    const unknown: string[] = [];
    ws.getRow(r).eachCell((cell, col) => {
      const text = String(plainCellValue(cell.value) ?? '');
      const field = lookup.get(normaliseHeader(text));
      if (field && ![...columns.values()].includes(field)) columns.set(col, field);
      else if (text.trim()) unknown.push(text.trim());
    });
    if (columns.size >= minMatches && (!best || columns.size > best.columns.size))
      best = { row: r, columns, unknown };
  }
  return best;
}
