// A worksheet's XML as strings, in the order the file holds it: the opening (layout, column
// widths, the title, unit/date and header rows), the body a page of rows at a time, the closing
// (footer, merged ranges, page setup). Plain JavaScript for the worker thread (zip-stream.mjs).
//
// Formula-safe by construction: every string is an inline string cell (t="inlineStr"), never a
// formula, so a 问题描述 of "=HYPERLINK(…)" opens as the text the clerk typed.
import { STYLE } from './book-parts.mjs';
import { xmlText } from './xml-text.mjs';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const HEAD =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

const EDGE_SPACE = /^\s|\s$/;

/** One cell; `style` is a cellXfs index or null. Null, '' and non-finite numbers: no value. */
function cell(ref, value, style) {
  const s = style === null ? '' : ` s="${style}"`;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  }
  if (value === null || value === undefined || value === '')
    return style === null ? '' : `<c r="${ref}"${s}/>`;
  const text = xmlText(value, false);
  const t = EDGE_SPACE.test(text) ? '<t xml:space="preserve">' : '<t>';
  return `<c r="${ref}"${s} t="inlineStr"><is>${t}${text}</t></is></c>`;
}

/** A, B, … Z, AA, … for columns 1..n. */
function letters(n) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    let name = '';
    for (let k = i; k > 0; k = Math.floor((k - 1) / 26))
      name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
    out.push(name);
  }
  return out;
}

const row = (r, height, cells) =>
  `<row r="${r}"${height === null ? '' : ` ht="${height}" customHeight="1"`}>${cells}</row>`;

const cols = (columns) =>
  `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`;

/**
 * A sheet being written. `list`: the printable layout (title, unit/date line, header repeated on
 * every printed page, frozen below it, bordered cells, A4 landscape fitted to the width);
 * otherwise a bare table, headers in row 1.
 */
export class SheetXml {
  constructor(spec) {
    this.list = spec.layout !== 'table';
    this.columns = spec.columns;
    this.n = spec.columns.length;
    this.cols = letters(this.n);
    this.merges = [];
    if (!this.list) {
      this.next = 2;
      this.styles = this.columns.map(() => null);
      this.opening = `${DECL}${HEAD}<sheetFormatPr defaultRowHeight="15"/>${cols(this.columns)}<sheetData>${this.line(
        1,
        null,
        this.columns.map((c) => c.header),
        this.styles,
      )}`;
      return;
    }
    this.next = 5;
    this.styles = this.columns.map((c) => (c.align === 'center' ? STYLE.cellCenter : STYLE.cellLeft));
    const title = this.line(1, 36, [spec.title], [STYLE.title], true);
    this.merge(1, 1, this.n);
    // The unit on the left half, the date right-aligned on the right; one column holds both.
    const half = Math.max(1, Math.floor(this.n / 2));
    const lineValues = this.n > 1 ? [spec.leftLine] : [`${spec.leftLine}　${spec.rightLine}`];
    const lineStyles = this.columns.map((_, i) => (i < half ? STYLE.leftLine : STYLE.rightLine));
    if (this.n > 1) lineValues[half] = spec.rightLine;
    this.merge(2, 1, half);
    this.merge(2, half + 1, this.n);
    const lines = this.line(2, null, lineValues, lineStyles, true);
    const header = this.line(
      4,
      30,
      this.columns.map((c) => c.header),
      this.columns.map(() => STYLE.header),
    );
    this.opening =
      `${DECL}${HEAD}<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">` +
      '<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>' +
      `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols(this.columns)}<sheetData>` +
      `${title}${lines}${row(3, 6, '')}${header}`;
  }

  /** Row r from values; `fill`: cells past the values take the last style (merged ranges). */
  line(r, height, values, styles, fill = false) {
    let cells = '';
    for (let i = 0; i < this.n; i++) {
      const style = fill ? (styles[i] ?? styles[styles.length - 1]) : styles[i];
      cells += cell(this.cols[i] + r, i < values.length ? values[i] : null, style ?? null);
    }
    return row(r, height, cells);
  }

  merge(r, from, to) {
    if (to > from) this.merges.push(`${this.cols[from - 1]}${r}:${this.cols[to - 1]}${r}`);
  }

  /** A page of rows: cell values per row, heights per row (null: the spreadsheet's own). */
  rows(values, heights) {
    const { n, cols, styles } = this;
    let xml = '';
    for (let k = 0; k < values.length; k++) {
      const r = this.next++;
      const cells = values[k];
      let body = '';
      for (let i = 0; i < n; i++) body += cell(cols[i] + r, cells[i], styles[i]);
      xml += row(r, heights ? heights[k] : null, body);
    }
    return xml;
  }

  /** The rest of the sheet: the footer (text '' = none) a row below the table, merges, page setup. */
  closing({ text, height, wrap }) {
    let footer = '';
    if (this.list && text) {
      const r = this.next + 1;
      const style = wrap ? STYLE.footerWrap : STYLE.footer;
      footer = this.line(r, wrap ? height : null, [text], [style], true);
      this.merge(r, 1, this.n);
    }
    if (!this.list)
      return `${footer}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const merges = this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('');
    return (
      `${footer}</sheetData>` +
      (merges ? `<mergeCells count="${this.merges.length}">${merges}</mergeCells>` : '') +
      '<printOptions horizontalCentered="1"/>' +
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      '<headerFooter><oddFooter>第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>'
    );
  }
}
