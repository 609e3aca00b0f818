// The rows of one worksheet part as plain values, checked as they stream: a row number beyond
// the limit, a column beyond it, or a cell longer than Excel allows is refused at that cell,
// before the rest of the sheet is inflated.
import { AppError } from '@paicha/core';
import type { CellValue, XlsxLimits, XlsxRow } from './types.js';
import { attr, readAttrs, type XmlHandler } from './xml-scan.js';

export interface SheetContext {
  shared: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

/** Column number of a reference such as `AB12` (1-based); Infinity for more than three letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    if (i >= 3) return Number.POSITIVE_INFINITY;
    col = col * 26 + (c - 96);
  }
  return col;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `_x000D_`-style escapes that OOXML uses for characters XML cannot hold. */
export function unescapeOoxml(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    : s;
}

export async function* sheetRows(
  scan: (handler: XmlHandler) => AsyncGenerator<void>,
  ctx: SheetContext,
  limits: XlsxLimits,
): AsyncGenerator<XlsxRow[]> {
  let batch: XlsxRow[] = [];
  let rowNo = 0;
  let cells: CellValue[] = [];
  let col = 0;
  let type = '';
  let style = -1;
  let text = '';
  let hasValue = false;
  let capture = false;
  let inInline = false;
  let phonetic = 0;

  const value = (): CellValue => {
    switch (type) {
      case 's':
        return ctx.shared[Number(text)] ?? null;
      case 'inlineStr':
      case 'str':
        return unescapeOoxml(text);
      case 'b':
        return text === '1' || text === 'true';
      case 'e':
        return null;
      case 'd': {
        const d = new Date(text);
        return Number.isNaN(d.getTime()) ? text : d;
      }
      default: {
        if (text === '') return null;
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        return ctx.dateStyles.has(style) ? excelDate(n, ctx.date1904) : n;
      }
    }
  };

  const handler: XmlHandler = {
    open(name, tag, at) {
      switch (name) {
        case 'c': {
          const a = readAttrs(tag, at);
          const ref = attr(a, 'r');
          col = ref ? columnOf(ref) : col + 1;
          if (col > limits.maxColumns)
            throw new AppError(
              'unprocessable',
              `第 ${rowNo} 行的列数超过 ${limits.maxColumns} 列，已拒绝（不是正常的表格文件）`,
            );
          type = attr(a, 't') ?? '';
          style = Number(attr(a, 's') ?? -1);
          text = '';
          hasValue = false;
          return;
        }
        case 'v':
          capture = true;
          hasValue = true;
          return;
        case 't':
          if (inInline && phonetic === 0) capture = hasValue = true;
          return;
        case 'is':
          inInline = true;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 'row': {
          const r = attr(readAttrs(tag, at), 'r');
          rowNo = r ? Number(r) : rowNo + 1;
          if (!(rowNo >= 1 && rowNo <= limits.maxRows))
            throw new AppError('unprocessable', `工作表的行数超过 ${limits.maxRows} 行，已拒绝`);
          cells = [];
          col = 0;
          return;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = false;
          return;
        case 'is':
          inInline = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c':
          if (hasValue && col >= 1) cells[col - 1] = value();
          return;
        case 'row':
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          batch.push({ rowNo, cells });
          return;
      }
    },
    text(v) {
      if (!capture) return;
      text += v;
      if (text.length > limits.maxCellChars)
        throw new AppError(
          'unprocessable',
          `第 ${rowNo} 行有单元格超过 ${limits.maxCellChars} 个字符（Excel 单元格的上限），已拒绝`,
        );
    },
  };

  for await (const _ of scan(handler)) {
    if (batch.length > 0) {
      const out = batch;
      batch = [];
      yield out;
    }
  }
}
