// The reader's shapes, in a leaf both the workbook and the sheet reader import.

export type CellValue = string | number | boolean | Date | null;

export interface XlsxLimits {
  /** Bytes of XML inflated from the whole file. */
  maxInflatedBytes: number;
  /** Inflated ÷ compressed ratio beyond which an entry of more than `ratioFloor` bytes is a bomb. */
  maxRatio: number;
  ratioFloor: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Highest column number (Excel's is 16,384). */
  maxColumns: number;
  /** Highest row number in a sheet (Excel's is 1,048,576). */
  maxRows: number;
  maxDepth: number;
  /**
   * Shared strings are the one part held in memory (a sheet refers to them by index): their
   * characters plus 16 per string (the cost of a string object), so memory stays bounded even
   * when the XML budget is large.
   */
  maxSharedChars: number;
}

export interface XlsxRow {
  /** 1-based, as Excel shows it. */
  rowNo: number;
  /** Index 0 is column A; cells the file does not hold are null. */
  cells: CellValue[];
}
