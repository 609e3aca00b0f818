// CSV the server writes for Excel/WPS. A cell that starts like a formula (=, +, -, @, tab, CR) is
// run by the spreadsheet when the file is opened — `=HYPERLINK(...)` from an uploaded file would
// become a live link in the office's copy — so such cells get a leading apostrophe, which Excel
// and WPS show as text and do not display.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | null | undefined): string {
  let t = value === null || value === undefined ? '' : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Lines of cells as CSV text with CRLF line ends, as Excel writes it. */
export function csvText(lines: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n');
}
