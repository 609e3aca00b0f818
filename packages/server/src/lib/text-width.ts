// How much room text takes in a spreadsheet cell: spreadsheets do not size rows with wrapped
// text on opening, so exports set row heights from these estimates.

/** Display width in Excel character units: CJK and full-width characters take two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’…—]/.test(
        ch,
      )
        ? 2
        : 1.1;
  return w;
}

/** Lines a text wraps to in a column `width` units wide (after the cell's padding). */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(2, width - 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}
