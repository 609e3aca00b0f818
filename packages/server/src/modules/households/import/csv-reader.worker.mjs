// Reads, decodes and splits a CSV file in a thread of its own, so that the importing thread only
// cuts cells out of ready text and normalises them (at a million rows, decoding and splitting
// were a third of its time). Plain JavaScript, as the SQLite writer: a worker gets no TypeScript
// loader. Messages to the main thread, one per chunk of the file, sent as it grants credit
// ({type:'more', n}):
//   {type:'cells', text, ends, rowEnds, nl, bytes}  complete lines of a chunk without quotes:
//       cell k ends at ends[k], followed by a one-character delimiter or, for the last cell of
//       its row, by the line ending (nl characters); row r's cells end before index rowEnds[r]
//       (csv-rows.ts cuts them out);
//   {type:'rows', rows, bytes}  the rows papaparse parsed (the first chunk, chunks with quotes);
//   {type:'end', bytes} | {type:'error', message}.
// Rows are exactly papaparse's as its streamers parse (each chunk whole, the unfinished last
// line carried into the next, line ending and delimiter guessed from the first chunk): a chunk
// without a quote character is split at every line ending and delimiter, as papaparse's own
// fast mode splits such a chunk.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

const { path, encoding } = workerData;
const FIRST_CHUNK = 1 << 20; // what papaparse's line-ending guess reads, as before
// Small pieces: their rows die young in the importer's garbage collector, and a piece's text stays
// below V8's large-object size (128 KB) in both threads. With 256 KB pieces every chunk's text was
// a large object, freed only by a full collection: ~35 MB of dead text sat in each thread's heap.
const READ_CHUNK = 1 << 16;

let credits = 0;
let wake = null;
parentPort.on('message', (msg) => {
  if (msg.type !== 'more') return;
  credits += msg.n;
  wake?.();
});
const credit = async () => {
  while (credits === 0) await new Promise((resolve) => (wake = resolve));
  wake = null;
  credits--;
};

/** Chunk by chunk, the text iconv-lite's decodeStream gave (which dropped a UTF-8 BOM). */
function textDecoder() {
  if (encoding === 'gb18030') {
    // GBK is read as GB18030, its superset. iconv-lite, not TextDecoder('gb18030'): ICU's is faster
    // but maps 18 rare two-byte codes (A6D9…, FE59…) to other code points than before.
    const d = iconv.getDecoder('gb18030');
    return (chunk) => (chunk ? d.write(chunk) : (d.end() ?? ''));
  }
  // ~2× faster than iconv-lite's UTF-8 (Node's StringDecoder); same text, U+FFFD for the same
  // invalid bytes, also across chunk boundaries.
  const d = new TextDecoder('utf-8');
  return (chunk) => (chunk ? d.decode(chunk, { stream: true }) : d.decode());
}

/** Where each cell and row of `text` (complete lines only) ends. */
function scan(text, newline, delimiter) {
  const ends = [];
  const rowEnds = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf(newline, pos);
    for (let p = pos; ; ) {
      const d = text.indexOf(delimiter, p);
      if (d === -1 || d >= nl) break;
      ends.push(d);
      p = d + 1;
    }
    ends.push(nl);
    rowEnds.push(ends.length);
    pos = nl + newline.length;
  }
  return { ends: Int32Array.from(ends), rowEnds: Int32Array.from(rowEnds) };
}

async function main() {
  const fh = await open(path);
  try {
    const decode = textDecoder();
    const handle = new Papa.ParserHandle({ skipEmptyLines: false });
    let newline = '';
    let delimiter = '';
    let partial = '';
    let bytes = 0;
    let size = FIRST_CHUNK;
    for (;;) {
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await fh.read(buffer, 0, size, null);
      size = READ_CHUNK;
      const last = bytesRead === 0;
      bytes += bytesRead;
      const text = partial + decode(last ? null : buffer.subarray(0, bytesRead));
      if (text === '') {
        if (last) break;
        continue;
      }
      await credit();
      if (last || newline === '' || delimiter.length !== 1 || text.includes('"')) {
        const r = handle.parse(text, 0, !last);
        newline = r.meta.linebreak;
        delimiter = r.meta.delimiter;
        partial = last ? '' : text.slice(r.meta.cursor);
        parentPort.postMessage({ type: 'rows', rows: r.data, bytes });
      } else {
        const cut = text.lastIndexOf(newline);
        const whole = cut === -1 ? '' : text.slice(0, cut + newline.length);
        partial = cut === -1 ? text : text.slice(cut + newline.length);
        const { ends, rowEnds } = scan(whole, newline, delimiter);
        parentPort.postMessage({ type: 'cells', text: whole, ends, rowEnds, nl: newline.length, bytes }, [
          ends.buffer,
          rowEnds.buffer,
        ]);
      }
      bytes = 0;
      if (last) break;
    }
    parentPort.postMessage({ type: 'end', bytes });
  } finally {
    await fh.close();
  }
}

main().catch((err) => parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) }));
