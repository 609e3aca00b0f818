// How much room text takes in a spreadsheet cell: spreadsheets do not size rows with wrapped
// text on opening, so exports set row heights from these estimates.

/** Whether a UTF-16 code unit is a CJK or full-width character, or punctuation set full width. */
function wide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x201c || // “
    c === 0x201d || // ”
    c === 0x2018 || // ‘
    c === 0x2019 || // ’
    c === 0x2026 || // …
    c === 0x2014 // —
  );
}

/**
 * Display width in Excel character units: CJK and full-width characters take two, others 1.1
 * (a character outside the BMP, a surrogate pair, counts once). Code units are compared as
 * numbers: an export sizes every cell of every row, and a regular expression per character made
 * this a tenth of a large export's main-thread time.
 */
function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (wide(c)) w += 2;
    else {
      w += 1.1;
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = s.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
  return w;
}

/** Lines a text wraps to in a column `width` units wide (after the cell's padding). */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(2, width - 2);
  if (!text.includes('\n')) return Math.max(1, Math.ceil(textWidth(text) / usable));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}
