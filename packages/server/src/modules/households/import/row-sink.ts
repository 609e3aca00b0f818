// Where normalised rows go: the import's own table, in chunks, with back-pressure so memory stays
// bounded whatever the file size. SQLite: a worker thread with its own connection and multi-row
// prepared statements (one transaction per chunk). PostgreSQL: COPY on a connection of the
// import's own (pg-copy-sink.ts), the next chunk being read and normalised while the server
// parses the previous one.
import type { CompiledQuery, Updateable } from 'kysely';
import { sqliteWriteGate } from '../../../db/database.js';
import type { HouseholdImportsTable } from '../../../db/schema-households.js';
import type { WriteGate } from '../../../db/sqlite-driver.js';
import { sqliteFile } from '../../../db/sqlite-file.js';
import type { AppContext } from '../../../kernel/context.js';
import { IdleWorkers } from '../../../lib/idle-workers.js';
import { startWorker } from '../../../lib/worker-heap.js';
import { compiledUpdateImport } from './imports.repository.js';
import { postgresCopySink } from './pg-copy-sink.repository.js';
import { indexStatements, type RowColumn, rowsTableName } from './rows-table.repository.js';
import type { RowSink } from './types.js';

type ImportPatch = Updateable<HouseholdImportsTable>;

const CHUNK_ROWS = 2048;
const DICT_PER_COLUMN = 256;

export async function openRowSink(ctx: AppContext, importId: number, columns: RowColumn[]): Promise<RowSink> {
  if (ctx.dialect !== 'sqlite') return postgresCopySink(ctx, importId, columns);
  const updateSql = (patch: ImportPatch) => compiledUpdateImport(ctx.db, importId, patch);
  return sqliteSink(await sqliteFile(ctx), importId, columns, sqliteWriteGate(ctx.db), updateSql);
}

const MAX_IN_FLIGHT = 6;
const WRITER_YOUNG_MB = 16;

// Its garbage is one chunk's values at a time: a small young generation.
const writers = new IdleWorkers(() =>
  startWorker(new URL('./sqlite-writer.worker.mjs', import.meta.url), {}, WRITER_YOUNG_MB),
);

/**
 * A chunk packed for postMessage: the text of its values in one string, plus typed arrays saying
 * what each value is (-1 null, -2 the number in `nums`, ≤ -3 entry -3-n of the dictionary, else
 * the length of its text). Structured clone then copies one string and two buffers (transferred)
 * instead of ~40,000 separate values: a quarter of the main thread's cost per row. Columns with
 * few distinct values (place, category, status, remarks) go by dictionary, sent once, so the text
 * holds little more than names and numbers (sqlite-writer.worker.mjs unpacks).
 */
class Packer {
  rows = 0;
  private i = 0;
  private texts: string[] = [];
  private lens: Int32Array;
  private nums: Float64Array;
  /** Arrays the writer has handed back (acks transfer them), reused by the next chunks. */
  private readonly spare: { lens: Int32Array; nums: Float64Array }[] = [];
  /** Per column: value → dictionary entry, until the column proves to have too many values. */
  private readonly codes: (Map<string, number> | null)[];
  private dictSize = 0;
  private newEntries: string[] = [];
  constructor(private readonly width: number) {
    this.lens = new Int32Array(CHUNK_ROWS * width);
    this.nums = new Float64Array(CHUNK_ROWS * width);
    this.codes = Array.from({ length: width }, () => new Map<string, number>());
  }
  /**
   * A chunk's arrays back from the writer. Allocating them fresh (~600 KB per chunk of 25 columns)
   * left their dead copies to each thread's garbage collector: external memory a collection frees
   * only when it comes, so the import's peak varied with the threads' timing.
   */
  giveBack(lens: Int32Array, nums: Float64Array): void {
    if (lens.length === CHUNK_ROWS * this.width) this.spare.push({ lens, nums });
  }
  add(values: readonly unknown[]): boolean {
    for (let c = 0; c < this.width; c++, this.i++) {
      const v = values[c];
      if (v === null || v === undefined) this.lens[this.i] = -1;
      else if (typeof v === 'number') {
        this.lens[this.i] = -2;
        this.nums[this.i] = v;
      } else if (typeof v === 'string') {
        const codes = this.codes[c];
        const code = codes?.get(v);
        if (code !== undefined) this.lens[this.i] = -3 - code;
        else if (codes && codes.size < DICT_PER_COLUMN) {
          codes.set(v, this.dictSize);
          this.newEntries.push(v);
          this.lens[this.i] = -3 - this.dictSize++;
        } else {
          // An ID or a name column: stop looking values up.
          if (codes) this.codes[c] = null;
          this.lens[this.i] = v.length;
          this.texts.push(v);
        }
      } else throw new TypeError(`cannot store a ${typeof v}`);
    }
    return ++this.rows === CHUNK_ROWS;
  }
  /** The message for the worker; the packer starts a new chunk. */
  take() {
    const msg = {
      text: this.texts.join(''),
      dict: this.newEntries,
      lens: this.lens,
      nums: this.nums,
      count: this.rows,
    };
    this.texts = [];
    this.newEntries = [];
    this.rows = 0;
    this.i = 0;
    const reused = this.spare.pop();
    this.lens = reused?.lens ?? new Int32Array(CHUNK_ROWS * this.width);
    this.nums = reused?.nums ?? new Float64Array(CHUNK_ROWS * this.width);
    return msg;
  }
}

async function sqliteSink(
  file: string,
  importId: number,
  columns: RowColumn[],
  gate: WriteGate | null,
  updateSql: (patch: ImportPatch) => CompiledQuery,
): Promise<RowSink> {
  const worker = await writers.take();
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  const packer = new Packer(columns.length);
  worker.on('message', (msg: { type: string; message?: string; lens?: Int32Array; nums?: Float64Array }) => {
    if (msg.type === 'error') fail(new Error(msg.message));
    else {
      if (msg.lens && msg.nums) packer.giveBack(msg.lens, msg.nums);
      waiting.shift()?.resolve();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (waiting.length) fail(new Error(`SQLite writer stopped (${code})`));
  });
  const send = (msg: object, transfer: ArrayBuffer[] = []) => {
    if (failure) return Promise.reject(failure);
    const done = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
    worker.postMessage(msg, transfer);
    return done;
  };
  // Unanswered when it succeeds: a failure (no such table) fails the sink's next step.
  worker.postMessage({ type: 'open', file, table: rowsTableName(importId), columns });
  let inFlight: Promise<void>[] = [];
  const queue = async (done: Promise<void>) => {
    // A failure is reported by `end` (or the next send), not as an unhandled rejection meanwhile.
    done.catch(() => undefined);
    inFlight.push(done);
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
  };
  const flush = async () => {
    if (packer.rows === 0) return;
    const msg = packer.take();
    await queue(
      send({ type: 'rows', ...msg }, [msg.lens.buffer as ArrayBuffer, msg.nums.buffer as ArrayBuffer]),
    );
  };
  return {
    add: (values) => packer.add(values),
    flush,
    async update(patch) {
      const { sql, parameters } = updateSql(patch);
      await queue(send({ type: 'run', sql, parameters }));
    },
    async end() {
      await flush();
      await Promise.all(inFlight);
      inFlight = [];
    },
    // Building the indexes (and the checkpoint after them) holds the write lock for a while:
    // ~0.5 s at 200,000 rows. A write on the server's connection meanwhile would wait in SQLite's
    // busy handler, inside the synchronous call, with the event loop stopped (measured: health
    // unanswered for 0.35–0.67 s at that moment). With the gate closed it waits on a promise.
    index: () => {
      const finish = () => send({ type: 'finish', indexSql: indexStatements(importId, 'sqlite', columns) });
      return gate ? gate.hold(finish) : finish();
    },
    async close() {
      await Promise.allSettled(inFlight);
      if (!failure) {
        // Its connection closed and its listeners gone, the thread waits for the next import.
        const released = await send({ type: 'release' }).then(
          () => true,
          () => false,
        );
        if (released) return writers.give(worker);
      }
      worker.postMessage({ type: 'close' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
