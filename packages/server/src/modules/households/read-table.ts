// Streaming readers: a file becomes an async sequence of rows (cells as plain values) without
// ever holding the file in memory. CSV: encoding detected from the first 64 KB (core
// detectTextEncoding: UTF-8, UTF-8 with BOM, GBK/GB18030), decoded by iconv-lite, parsed by
// papaparse. XLSX: ExcelJS's streaming WorkbookReader, styles ignored (dates arrive as Excel
// serials, which parseCellDate reads; ID numbers typed as numbers arrive as numbers, which
// normalizeIdNumber recovers or refuses).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, pipeline, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { detectTextEncoding, type TextEncodingName } from '@paicha/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { plainCellValue } from '../../lib/xlsx-read.js';

export type TableFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** Worksheet index (0 for CSV): a new value means a new sheet began. */
  sheet: number;
  sheetName: string;
  /** 1-based, as Excel shows it. */
  rowNo: number;
  cells: unknown[];
}

export interface TableReader {
  encoding: TextEncodingName | null;
  rows: AsyncGenerator<RawRow>;
  /** Bytes of the file consumed so far, for the progress bar. */
  bytesRead(): number;
}

export function formatOf(fileName: string): TableFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return null;
}

export async function openTable(path: string, format: TableFormat): Promise<TableReader> {
  const encoding = format === 'csv' ? await sniffEncoding(path) : null;
  let bytes = 0;
  // Counted on the way through (a 'data' listener would start the flow before anyone reads).
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('error', (err) => counter.destroy(err));
  input.pipe(counter);
  const rows = encoding === null ? xlsxRows(counter) : csvRows(counter, encoding);
  return { encoding, rows, bytesRead: () => bytes };
}

async function sniffEncoding(path: string): Promise<TextEncodingName> {
  const fh = await open(path);
  try {
    const head = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return detectTextEncoding(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

async function* csvRows(input: NodeJS.ReadableStream, encoding: TextEncodingName): AsyncGenerator<RawRow> {
  // iconv-lite strips the BOM; GBK is read as GB18030, its superset.
  const decoder = iconv.decodeStream(encoding === 'gb18030' ? 'gb18030' : 'utf8');
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false }) as NodeJS.ReadWriteStream;
  const out = new PassThrough({ objectMode: true, highWaterMark: 2048 });
  pipeline(input as never, decoder, parser, out, (err) => {
    if (err) out.destroy(err);
  });
  let rowNo = 0;
  for await (const cells of out) {
    rowNo++;
    yield { sheet: 0, sheetName: '', rowNo, cells: cells as string[] };
  }
}

async function* xlsxRows(input: NodeJS.ReadableStream): AsyncGenerator<RawRow> {
  const reader = new Utf8SafeWorkbookReader(input as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  let sheet = -1;
  for await (const ws of reader) {
    sheet++;
    const name = (ws as unknown as { name?: string }).name ?? `Sheet${sheet + 1}`;
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells = new Array<unknown>(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i++) cells[i - 1] = plainCellValue(values[i] ?? null);
      yield { sheet, sheetName: name, rowNo: row.number, cells };
    }
  }
}

// ExcelJS 4.4 decodes each inflated chunk of the sheet XML on its own, so a Chinese character cut
// by a chunk boundary turns into U+FFFD (the longer the file, the more names are garbled). Its
// parser passes strings through untouched, so the XML is decoded here, across chunk boundaries.
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
};
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: unknown,
  options: unknown,
) => ReaderInternals & AsyncIterable<unknown>;

class Utf8SafeWorkbookReader extends Base {
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number) {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
  override _parseSharedStrings(entry: NodeJS.ReadableStream) {
    const decoder = new StringDecoder('utf8');
    const text = new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _enc, done) {
        done(null, decoder.write(chunk) || undefined);
      },
      flush(done) {
        done(null, decoder.end() || undefined);
      },
    });
    return super._parseSharedStrings(entry.pipe(text));
  }
}
