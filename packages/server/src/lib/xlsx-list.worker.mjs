// Renders a list workbook (xlsx-list.ts) in a thread of its own: turning rows into sheet XML and
// compressing it is most of a large export's work, and here it never holds up the server's
// requests. Plain JavaScript, as the other workers: a worker gets no TypeScript loader.
// The SpreadsheetML is written by hand (xlsx-write/): fixed styles, inline strings, each page of
// rows turned into XML and deflated into the zip as it comes, so only the current page is held.
// ExcelJS's streaming writer did the same at ~14 s of CPU per 100,000 rows — 8–14× the database
// read of a 400,000-problem ledger.
//
// Messages in, in order:
//   {type:'sheet', layout:'list', sheetName, title, leftLine, rightLine, columns: [{header, width, align}]}
//   {type:'sheet', layout:'table', sheetName, columns: [{header, width}]}   a bare table
//   {type:'rows', values: cell values per row, heights: row heights | null} → {type:'ack'} once compressed
//   {type:'footer', text, height, wrap}   ends the sheet (text '' = no footer)
//   {type:'end'}                    → {type:'done'} after the last byte was posted
// Messages out: {type:'data', chunk} (the .xlsx bytes, in order), ack, done, {type:'error', message}.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import {
  APP_XML,
  contentTypes,
  coreXml,
  ROOT_RELS,
  STYLES_XML,
  sheetName,
  workbookRels,
  workbookXml,
} from './xlsx-write/book-parts.mjs';
import { SheetXml } from './xlsx-write/sheet-xml.mjs';
import { ZipStream } from './xlsx-write/zip-stream.mjs';

// Rendering is background work: the server's thread, which answers every request, goes first
// when the cores are busy. On Linux a thread's nice value is its own, so this lowers only this
// thread (elsewhere it would lower the whole process). With the export at the same priority, a
// street's ledger page during a PostgreSQL export measured p50 105–131 ms, p99 390–665 ms on a
// busy 2-core machine; lowered, 80–82 ms and 300–360 ms. On an idle core it costs nothing.
if (process.platform === 'linux') setPriority(10);

// The deflater hands out pieces of various sizes; each posted piece is a message and a socket
// write on the server's thread, so they are gathered into pieces of OUT_CHUNK bytes. The first
// goes at once: the response (status, headers) starts as soon as the file does.
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
function emit(buffer) {
  held.push(buffer);
  heldBytes += buffer.length;
  if (heldBytes >= OUT_CHUNK || !started) {
    started = true;
    flush();
  }
}

const zip = new ZipStream(emit);
/** The sheets written so far, for the workbook part: name and whether it prints a title row. */
const sheets = [];
/** The sheet being written: its XML builder and its zip entry. */
let sheet = null;

function openSheet(spec) {
  const name = sheetName(spec.sheetName, sheets.length);
  sheets.push({ name, printTitles: spec.layout !== 'table' });
  const xml = new SheetXml(spec);
  const entry = zip.stream(`xl/worksheets/sheet${sheets.length}.xml`);
  sheet = { xml, entry };
  return entry.write(Buffer.from(xml.opening, 'utf8'));
}

// A page is acknowledged once the deflater has taken its XML in: the XML of the whole ledger
// cannot pile up here while compression (on the zlib pool) falls behind, yet the next page's XML
// is built while this one compresses.
function writeRows(values, heights) {
  const { xml, entry } = sheet;
  entry
    .write(Buffer.from(xml.rows(values, heights), 'utf8'))
    .then(() => parentPort.postMessage({ type: 'ack' }), fail);
}

async function closeSheet(footer) {
  const { xml, entry } = sheet;
  sheet = null;
  await entry.write(Buffer.from(xml.closing(footer), 'utf8'));
  await entry.end();
}

function finish() {
  zip.add('xl/workbook.xml', workbookXml(sheets));
  zip.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  zip.add('xl/styles.xml', STYLES_XML);
  zip.add('docProps/core.xml', coreXml(workerData.creator));
  zip.add('docProps/app.xml', APP_XML);
  zip.add('_rels/.rels', ROOT_RELS);
  zip.add('[Content_Types].xml', contentTypes(sheets.length));
  zip.finish();
  flush();
  parentPort.postMessage({ type: 'done' });
}

function fail(err) {
  parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
}

// Messages are handled one after another: a sheet's end waits for its entry to be compressed
// before the next entry (or the directory) starts, as a zip writes its entries whole.
let queue = Promise.resolve();
parentPort.on('message', (msg) => {
  queue = queue
    .then(() => {
      if (msg.type === 'sheet') return openSheet(msg);
      if (msg.type === 'rows') return writeRows(msg.values, msg.heights);
      if (msg.type === 'footer') return closeSheet(msg);
      if (msg.type === 'end') return finish();
    })
    .catch(fail);
});
