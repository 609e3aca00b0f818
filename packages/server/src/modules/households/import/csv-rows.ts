// CSV rows for read-table.ts: csv-reader.worker.mjs reads, decodes and splits the file in its own
// thread; this side cuts the cells out of the text it sends (slicing is ~3× cheaper than
// splitting, and decoding moves off this thread altogether) and keeps a few chunks requested
// ahead, so neither thread waits for the other.
import type { TextEncodingName } from '@paicha/core';
import { startWorker } from '../../../lib/worker-heap.js';
import type { RawRow } from './types.js';

type ReaderMessage =
  | { type: 'cells'; text: string; ends: Int32Array; rowEnds: Int32Array; nl: number; bytes: number }
  | { type: 'rows'; rows: string[][]; bytes: number }
  | { type: 'end'; bytes: number }
  | { type: 'error'; message: string };

/** Chunks (64 KB, ~450 rows of a national export) read ahead of the importer: 1 MB. */
const AHEAD = 16;
/**
 * Credit is granted this many chunks at a time: each postMessage wakes the reader, and on a loaded
 * machine one per chunk showed as 10% of this thread's time in a million-row import's profile.
 */
const CREDIT_EVERY = 4;
const READER_YOUNG_MB = 16;

export async function* csvRows(
  path: string,
  encoding: TextEncodingName,
  count: (bytes: number) => void,
): AsyncGenerator<RawRow[]> {
  // Its garbage is a chunk's text and cell offsets, dead once posted: a small young generation.
  const worker = await startWorker(
    new URL('./csv-reader.worker.mjs', import.meta.url),
    { workerData: { path, encoding } },
    READER_YOUNG_MB,
  );
  const queue: ReaderMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let ended = false;
  worker.on('message', (msg: ReaderMessage) => {
    queue.push(msg);
    wake?.();
  });
  worker.on('error', (err) => {
    failure ??= err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (!ended) failure ??= new Error(`CSV reader stopped (${code})`);
    wake?.();
  });
  worker.postMessage({ type: 'more', n: AHEAD });
  let rowNo = 0;
  let consumed = 0;
  const batch = (data: string[][]): RawRow[] => {
    const out = new Array<RawRow>(data.length);
    for (let i = 0; i < data.length; i++)
      out[i] = { sheet: 0, sheetName: '', rowNo: ++rowNo, cells: data[i] as string[] };
    return out;
  };
  try {
    for (;;) {
      let msg = queue.shift();
      while (msg === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        msg = queue.shift();
      }
      if (msg.type === 'error') throw new Error(msg.message);
      count(msg.bytes);
      if (msg.type === 'end') {
        ended = true;
        return;
      }
      if (++consumed === CREDIT_EVERY) {
        worker.postMessage({ type: 'more', n: consumed });
        consumed = 0;
      }
      const rows = msg.type === 'rows' ? msg.rows : cut(msg);
      if (rows.length > 0) yield batch(rows);
    }
  } finally {
    ended = true;
    await worker.terminate();
  }
}

/** The rows of a 'cells' message: the same strings splitting the lines would have made. */
function cut(msg: { text: string; ends: Int32Array; rowEnds: Int32Array; nl: number }): string[][] {
  const { text, ends, rowEnds, nl } = msg;
  const rows = new Array<string[]>(rowEnds.length);
  let k = 0;
  let start = 0;
  for (let r = 0; r < rowEnds.length; r++) {
    const last = rowEnds[r] as number;
    const cells = new Array<string>(last - k);
    for (let j = 0; k < last; k++, j++) {
      const end = ends[k] as number;
      cells[j] = text.slice(start, end);
      start = end + 1;
    }
    start += nl - 1; // the line ending instead of a delimiter after the row's last cell
    rows[r] = cells;
  }
  return rows;
}
