// Renders a list workbook (xlsx-list.ts) in a thread of its own: turning rows into sheet XML and
// compressing it is most of a large export's work, and here it never holds up the server's
// requests. Plain JavaScript, as the other workers: a worker gets no TypeScript loader.
// ExcelJS's streaming writer commits each row as it comes, so only the current page is held.
//
// Messages in, in order:
//   {type:'sheet', layout:'list', sheetName, title, leftLine, rightLine, columns: [{header, width, align}]}
//   {type:'sheet', layout:'table', sheetName, columns: [{header, width}]}   a bare table
//   {type:'rows', values: cell values per row, heights: row heights | null} → {type:'ack'} once compressed
//   {type:'footer', text, height, wrap}   ends the sheet (text '' = no footer)
//   {type:'end'}                    → {type:'done'} after the last byte was posted
// Messages out: {type:'data', chunk} (the .xlsx bytes, in order), ack, done, {type:'error', message}.
import { setPriority } from 'node:os';
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

// Rendering is background work: the server's thread, which answers every request, goes first
// when the cores are busy. On Linux a thread's nice value is its own, so this lowers only this
// thread (elsewhere it would lower the whole process). With the export at the same priority, a
// street's ledger page during a PostgreSQL export measured p50 105–131 ms, p99 390–665 ms on a
// busy 2-core machine; lowered, 80–82 ms and 300–360 ms. On an idle core it costs nothing.
if (process.platform === 'linux') setPriority(10);

const FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const thin = { style: 'thin' };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

// The zip writer hands out pieces of under a kilobyte on average; each posted piece is a message
// and a socket write on the server's thread, so they are gathered into pieces of OUT_CHUNK bytes.
// The first goes at once: the response (status, headers) starts as soon as the file does.
const OUT_CHUNK = 64 * 1024;
let held = [];
let heldBytes = 0;
let started = false;
function flush() {
  if (heldBytes === 0) return;
  const chunk = held.length === 1 ? held[0] : Buffer.concat(held, heldBytes);
  held = [];
  heldBytes = 0;
  parentPort.postMessage({ type: 'data', chunk });
}
const output = new Writable({
  write(chunk, _encoding, done) {
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes >= OUT_CHUNK || !started) {
      started = true;
      flush();
    }
    done();
  },
  final(done) {
    flush();
    done();
  },
});
// Deflate at level 3 rather than 6: a fifth of a large export's time went to compressing; level
// 3 takes a quarter of that for files ~15% larger.
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
  stream: output,
  useStyles: true,
  useSharedStrings: false,
  zip: { zlib: { level: 3 } },
});
wb.creator = workerData.creator;

/** The sheet being written: its worksheet, column count, body styles and next row number. */
let sheet = null;

function openSheet(spec) {
  const ws = wb.addWorksheet(spec.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '4:4',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: TITLE_FONT, size: 18 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  const half = Math.max(1, Math.floor(n / 2));
  ws.mergeCells(2, 1, 2, half);
  ws.mergeCells(2, half + 1, 2, n);
  ws.getCell(2, 1).value = spec.leftLine;
  ws.getCell(2, half + 1).value = spec.rightLine;
  ws.getCell(2, half + 1).alignment = { horizontal: 'right' };
  for (const c of [ws.getCell(2, 1), ws.getCell(2, half + 1)]) c.font = { name: FONT, size: 12 };
  ws.getRow(3).height = 6;

  const header = ws.getRow(4);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: '黑体', size: 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.height = 30;
  header.commit(); // commits rows 1–4

  // One style object per column, shared by all its cells: ExcelJS recognises a style object it
  // has seen and reuses its id, where a fresh object per cell is serialised and looked up anew.
  const styles = spec.columns.map((c) => ({
    font: { name: FONT, size: 11 },
    alignment: { horizontal: c.align ?? 'left', vertical: 'middle', wrapText: true },
    border: BORDER,
  }));
  sheet = { ws, n, styles, next: 5, tableWidth: spec.columns.reduce((w, c) => w + c.width, 0) };
}

/** A bare table: the headers in row 1 (ExcelJS writes them from the columns), plain cells. */
function openTable(spec) {
  const ws = wb.addWorksheet(spec.sheetName);
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  sheet = { ws, n: spec.columns.length, styles: null, next: 2 };
}

function writeRows(values, heights) {
  const { ws, styles } = sheet;
  if (styles === null) {
    for (const cells of values) ws.addRow(cells).commit();
    return;
  }
  for (let r = 0; r < values.length; r++) {
    const line = ws.getRow(sheet.next++);
    const cells = values[r];
    for (let i = 0; i < cells.length; i++) {
      const cell = line.getCell(i + 1);
      cell.value = cells[i];
      cell.style = styles[i];
    }
    line.height = heights[r];
    line.commit();
  }
}

function closeSheet({ text, height, wrap }) {
  const { ws, n } = sheet;
  if (text) {
    const at = sheet.next + 1;
    ws.mergeCells(at, 1, at, n);
    const cell = ws.getCell(at, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 11 };
    if (wrap) {
      cell.alignment = { wrapText: true, vertical: 'top' };
      ws.getRow(at).height = height;
    }
  }
  ws.commit();
  sheet = null;
}

// ExcelJS hands a sheet's XML to the zip without back-pressure: its StreamBuf writes into the
// compressor whatever the compressor's backlog, and holds everything while the zip is still on an
// earlier entry. Acknowledging a page as soon as its rows were added let the XML of the whole
// ledger pile up here whenever compression (on this low-priority thread and the zlib pool) fell
// behind: the server's RSS grew with the export's length (593 MB at 100,000 problems, over 1 GB
// at 400,000). A page is acknowledged once the compressor has taken in all but BACKLOG bytes.
const BACKLOG = 2 * 1024 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The next 'drain' of `entry`, or `ms` — whichever comes first; the listener never outlives it. */
function drained(entry, ms) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      entry.off('drain', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    entry.on('drain', done);
  });
}

// The zip reads the sheet through a PassThrough of its own (the readable-stream 2 package, which
// has no writableLength: its queues are read from the stream states), piped into the deflater.
const queued = (s) => (s._writableState?.length ?? 0) + (s._readableState?.length ?? 0);

async function compressed(stream) {
  for (;;) {
    const held = stream.buffers.reduce((n, b) => n + b.length, 0);
    const entry = stream.pipes[0];
    if (entry && held <= BACKLOG && queued(entry) <= BACKLOG) return;
    if (entry?._writableState?.needDrain) await drained(entry, 50);
    else await sleep(5); // the zip is still writing an earlier entry
  }
}

function fail(err) {
  parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
}

parentPort.on('message', (msg) => {
  try {
    if (msg.type === 'sheet') (msg.layout === 'table' ? openTable : openSheet)(msg);
    else if (msg.type === 'rows') {
      writeRows(msg.values, msg.heights);
      compressed(sheet.ws.stream).then(() => parentPort.postMessage({ type: 'ack' }), fail);
    } else if (msg.type === 'footer') closeSheet(msg);
    else if (msg.type === 'end')
      wb.commit().then(() => {
        flush();
        parentPort.postMessage({ type: 'done' });
      }, fail);
  } catch (err) {
    fail(err);
  }
});
