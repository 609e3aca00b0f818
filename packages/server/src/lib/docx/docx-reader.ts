// A Word .docx read for its text and tables, through the same guarded zip and limited XML
// tokenizer as the .xlsx reader (lib/xlsx): sizes checked before inflating, a byte budget and a
// ratio check while inflating, element depth, tag and text lengths bounded as the text arrives.
// Only word/document.xml is read — headers, footers, comments and images are not needed.
import { setImmediate } from 'node:timers/promises';
import { AppError } from '@paicha/core';
import { attr, readAttrs, XmlScanner } from '../xlsx/xml-scan.js';
import { bufferSource, type InflateBudget, inflateEntry, readDirectory } from '../xlsx/zip.js';

export const NOT_DOCX = '无法读取该文件，请上传 .docx 格式的 Word 文件（.doc 请先“另存为 .docx”）';

export interface DocxLimits {
  /** Bytes of XML inflated from document.xml. */
  maxInflatedBytes: number;
  maxRatio: number;
  ratioFloor: number;
  maxDepth: number;
  /** Characters of one text run. */
  maxText: number;
  /** Table rows in the whole document. */
  maxRows: number;
}

export interface DocxCell {
  /** The cell's paragraphs and line breaks, one line each. */
  lines: string[];
  /** w:vMerge continue: the cell is the lower part of a cell merged with the one above. */
  continued: boolean;
  /** w:gridSpan: how many grid columns the cell covers. */
  span: number;
}

export interface DocxTable {
  rows: DocxCell[][];
  /** How many of the document's paragraphs come before the table (its caption is the last). */
  paragraphsBefore: number;
}

export interface DocxDocument {
  /** Paragraphs outside tables, in order (empty ones dropped). */
  paragraphs: string[];
  /** Top-level tables: rows of cells as written (a nested table's text joins its cell). */
  tables: DocxTable[];
}

export async function readDocx(buf: Buffer, limits: DocxLimits): Promise<DocxDocument> {
  const src = bufferSource(buf);
  const entries = await readDirectory(src).catch((err: unknown) => {
    throw err instanceof AppError && err.code !== 'unprocessable'
      ? err
      : new AppError('unprocessable', NOT_DOCX);
  });
  const entry = entries.get('word/document.xml');
  if (!entry) throw new AppError('unprocessable', NOT_DOCX);
  const budget: InflateBudget = {
    remaining: limits.maxInflatedBytes,
    maxRatio: limits.maxRatio,
    ratioFloor: limits.ratioFloor,
    compressedRead: 0,
  };
  const out: DocxDocument = { paragraphs: [], tables: [] };
  let tableDepth = 0;
  let rows = 0;
  let row: DocxCell[] | null = null;
  let cell: DocxCell | null = null;
  let line: string[] = [];
  let inText = false;
  const endLine = () => {
    const text = line.join('');
    line = [];
    if (cell) cell.lines.push(text);
    else if (tableDepth === 0 && text.trim()) out.paragraphs.push(text.trim());
  };
  const scanner = new XmlScanner(
    {
      open(name, tag, at) {
        if (name === 'tbl') {
          tableDepth++;
          if (tableDepth === 1) out.tables.push({ rows: [], paragraphsBefore: out.paragraphs.length });
        } else if (name === 'tr' && tableDepth === 1) {
          if (++rows > limits.maxRows)
            throw new AppError('payload_too_large', `文件中的表格超过 ${limits.maxRows} 行，已拒绝`);
          row = [];
          out.tables[out.tables.length - 1]?.rows.push(row);
        } else if (name === 'tc' && tableDepth === 1) {
          cell = { lines: [], continued: false, span: 1 };
          row?.push(cell);
        } else if (name === 'vMerge' && tableDepth === 1 && cell) {
          // <w:vMerge/> without a value continues the merge; restart begins it.
          cell.continued = (attr(readAttrs(tag, at), 'val') ?? 'continue') === 'continue';
        } else if (name === 'gridSpan' && tableDepth === 1 && cell) {
          const n = Number(attr(readAttrs(tag, at), 'val'));
          cell.span = Number.isInteger(n) && n > 1 && n <= 64 ? n : 1;
        } else if (name === 't') inText = true;
        else if (name === 'br' || name === 'cr') endLine();
        else if (name === 'tab') line.push('\t');
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'p') endLine();
        else if (name === 'tc' && tableDepth === 1) cell = null;
        else if (name === 'tr' && tableDepth === 1) row = null;
        else if (name === 'tbl') tableDepth--;
      },
      text(value) {
        if (inText) line.push(value);
      },
    },
    { maxDepth: limits.maxDepth, maxText: limits.maxText, maxTag: 65_536 },
    () => new AppError('payload_too_large', '文件中有过长的文字段落，已拒绝'),
  );
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of inflateEntry(src, entry, budget, limits.maxInflatedBytes)) {
      scanner.write(decoder.decode(chunk, { stream: true }));
      // Let the event loop run between chunks: a large document is parsed in slices.
      await setImmediate();
    }
  } catch (err) {
    if (err instanceof AppError && err.code !== 'unprocessable') throw err;
    throw new AppError('unprocessable', NOT_DOCX);
  }
  return out;
}
