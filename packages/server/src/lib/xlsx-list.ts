// A printable list workbook the way offices file them: a title across the table, a line with
// the unit and date, a bordered header row repeated on every printed page, wrapped cells,
// A4 landscape, fitted to the page width.
//
// Written as a stream: each sheet's rows arrive page by page; this thread turns a page into cell
// values and row heights and hands it to xlsx-list.worker.mjs, which writes the sheet's
// SpreadsheetML itself (xlsx-write/: fixed styles, inline strings) and deflates it into the zip as
// it comes — so a 400,000-row ledger never sits in memory and rendering never holds up other
// requests. At most two pages
// are in the worker at a time, and the next is read only while the destination has room (a
// slow client holds the export back instead of the server buffering for it). A bare table
// (writeTableWorkbook: headers in row 1, nothing else) goes through the same worker.
import { PassThrough, type Writable } from 'node:stream';
import { lineCount } from './text-width.js';
import { startWorker } from './worker-heap.js';

export interface ListColumn<Row> {
  header: string;
  /** Width in Excel character units. */
  width: number;
  value: (row: Row, index: number) => string | number | null;
  align?: 'left' | 'center';
}

export interface ListSheet<Row> {
  sheetName: string;
  title: string;
  /** e.g. 填报单位：中云街道 */
  leftLine: string;
  /** e.g. 导出时间：2020年1月4日 */
  rightLine: string;
  columns: ListColumn<Row>[];
  /** The rows, page by page; called when the sheet is written (a list read for each sheet). */
  pages: () => AsyncIterable<readonly Row[]>;
  /** Below the table; a function gets the number of rows written (known only at the end). */
  footer?: string | ((rows: number) => string);
  /** A row's height from the most lines any of its cells wraps to; default max(20, lines×16+6). */
  rowHeight?: (row: Row, lines: number) => number;
  /** Long footers (notes): wrap the text, top-aligned, the row sized to it. */
  wrapFooter?: boolean;
}

/** Thrown into the writer when the client went away: the export stops at the next page. */
class ExportAborted extends Error {
  constructor() {
    super('export aborted: the destination closed');
  }
}

/** The rows of an array, as one page. */
export function pagesOf<Row>(rows: readonly Row[]): () => AsyncIterable<readonly Row[]> {
  return async function* () {
    yield rows;
  };
}

type WorkerMessage =
  | { type: 'data'; chunk: Uint8Array }
  | { type: 'ack' }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Longest stretch of sizing rows on this thread between two turns of the event loop. */
const SLICE_MS = 4;

/** Pages handed to the worker and not yet written by it. */
const IN_FLIGHT = 2;

/**
 * A bare table for further work in a spreadsheet (filter, sort): the headers in row 1, then a
 * row per item — no title, borders, styles or row heights.
 */
export interface TableSheet<Row> {
  sheetName: string;
  columns: Omit<ListColumn<Row>, 'align'>[];
  pages: () => AsyncIterable<readonly Row[]>;
}

/** A sheet as the worker is told it: how it opens and ends, and how rows become cells here. */
interface Rendering {
  open: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: sheets of different row types in one workbook
  columns: Omit<ListColumn<any>, 'align'>[];
  // biome-ignore lint/suspicious/noExplicitAny: as above
  pages: () => AsyncIterable<readonly any[]>;
  /** A row's height from its longest wrapped cell; null: rows keep the spreadsheet's height. */
  height: ((row: unknown, lines: number) => number) | null;
  close: (rows: number) => Record<string, unknown>;
}

/** Writes the sheets one after another into `out`, ends it, and resolves when all is handed over. */
// biome-ignore lint/suspicious/noExplicitAny: sheets of different row types in one workbook
export function writeListWorkbook(out: Writable, sheets: ListSheet<any>[], creator: string) {
  return render(
    out,
    creator,
    sheets.map((spec) => {
      const tableWidth = spec.columns.reduce((w, c) => w + c.width, 0);
      return {
        open: {
          layout: 'list',
          sheetName: spec.sheetName,
          title: spec.title,
          leftLine: spec.leftLine,
          rightLine: spec.rightLine,
          columns: spec.columns.map((c) => ({ header: c.header, width: c.width, align: c.align })),
        },
        columns: spec.columns,
        pages: spec.pages,
        height: spec.rowHeight ?? ((_row: unknown, lines: number) => Math.max(20, lines * 16 + 6)),
        close: (rows: number) => {
          const text = typeof spec.footer === 'function' ? spec.footer(rows) : (spec.footer ?? '');
          return { text, wrap: spec.wrapFooter === true, height: lineCount(text, tableWidth) * 15 + 8 };
        },
      };
    }),
  );
}

/** One bare table (TableSheet) into `out`, rendered in the same worker as the lists. */
export function writeTableWorkbook<Row>(out: Writable, sheet: TableSheet<Row>, creator: string) {
  return render(out, creator, [
    {
      open: {
        layout: 'table',
        sheetName: sheet.sheetName,
        columns: sheet.columns.map((c) => ({ header: c.header, width: c.width })),
      },
      columns: sheet.columns,
      pages: sheet.pages,
      height: null,
      close: () => ({ text: '' }),
    },
  ]);
}

async function render(out: Writable, creator: string, sheets: Rendering[]) {
  // Its garbage is short-lived rows: a small young generation keeps the thread's memory small
  // (startWorker: the server's own --max-semi-space-size reaches every thread otherwise); the
  // old-generation cap makes a runaway export fail alone instead of taking the server down.
  const worker = await startWorker(
    new URL('./xlsx-list.worker.mjs', import.meta.url),
    { workerData: { creator }, resourceLimits: { maxOldGenerationSizeMb: 256 } },
    16,
  );
  let failure: Error | null = null;
  let finished = false;
  let pending = 0;
  let wake: (() => void) | null = null;
  const wait = (until: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (failure || until()) resolve();
        else wake = check;
      };
      check();
    }).then(() => {
      if (failure) throw failure;
    });
  worker.on('message', (msg: WorkerMessage) => {
    if (msg.type === 'data') {
      if (!out.destroyed)
        out.write(Buffer.from(msg.chunk.buffer, msg.chunk.byteOffset, msg.chunk.byteLength));
    } else if (msg.type === 'ack') pending--;
    else if (msg.type === 'done') finished = true;
    else failure ??= new Error(`xlsx worker: ${msg.message}`);
    wake?.();
  });
  worker.on('error', (err) => {
    failure ??= err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`xlsx worker stopped (${code})`);
    wake?.();
  });
  try {
    for (const spec of sheets) {
      worker.postMessage({ type: 'sheet', ...spec.open });
      const { columns, height } = spec;
      let index = 0;
      for await (const page of spec.pages()) {
        const values: (string | number | null)[][] = [];
        const heights: number[] = [];
        let slice = performance.now();
        for (const row of page) {
          // Short slices: a request waiting on several database round trips gets a turn at each.
          if (performance.now() - slice > SLICE_MS) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            slice = performance.now();
          }
          let lines = 1;
          const cells = columns.map((c) => {
            const v = c.value(row, index);
            if (height) lines = Math.max(lines, lineCount(String(v ?? ''), c.width));
            return v;
          });
          values.push(cells);
          // Spreadsheets do not size rows with wrapped text on opening: set it from the text.
          if (height) heights.push(height(row, lines));
          index++;
        }
        await wait(() => pending < IN_FLIGHT);
        worker.postMessage({ type: 'rows', values, heights: height ? heights : null });
        pending++;
        await pace(out);
      }
      worker.postMessage({ type: 'footer', ...spec.close(index) });
    }
    worker.postMessage({ type: 'end' });
    await wait(() => finished);
    out.end();
  } finally {
    // Done, failed, or the client left: the worker's work is over either way.
    wake = null;
    await worker.terminate();
  }
}

/** The whole workbook as bytes, for small lists (a scorecard). */
// biome-ignore lint/suspicious/noExplicitAny: as writeListWorkbook
export async function listWorkbookBuffer(sheets: ListSheet<any>[], creator: string): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeListWorkbook(sink, sheets, creator);
  return Buffer.concat(chunks);
}

/**
 * Between pages: stop if the client is gone, wait while `out` is full, then let the event loop
 * run (database pages on SQLite resolve without ever leaving it).
 */
async function pace(out: Writable): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (out.destroyed) throw new ExportAborted();
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
