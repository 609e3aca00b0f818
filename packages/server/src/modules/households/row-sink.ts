// Where normalised rows go: the import's own table, in chunks, with back-pressure so memory stays
// bounded whatever the file size. SQLite: a worker thread with its own connection and multi-row
// prepared statements (one transaction per chunk). PostgreSQL: INSERT … SELECT FROM unnest(…)
// with one array per column (a 12,000-parameter VALUES list is ~3× slower), the next chunk
// being read and normalised while the database stores the previous one.
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { AppContext } from '../../http/context.js';
import {
  columnType,
  indexRowsTable,
  indexStatements,
  pgArrayType,
  type RowColumn,
  rowsTableName,
} from './rows-table.js';

export interface RowSink {
  /** `values` holds `count` rows of the sink's columns, flattened. Resolves when it may be reused. */
  write(values: unknown[], count: number): Promise<void>;
  /** All rows written: build the indexes. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

export async function openRowSink(ctx: AppContext, importId: number, columns: RowColumn[]): Promise<RowSink> {
  return ctx.dialect === 'sqlite'
    ? sqliteSink(await sqliteFile(ctx), importId, columns)
    : postgresSink(ctx, importId, columns);
}

/** The file behind the app's SQLite connection (the worker opens its own). */
export async function sqliteFile(ctx: AppContext): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(ctx.db);
  const main = rows.find((r) => r.name === 'main');
  if (!main?.file) throw new Error('SQLite database has no file');
  return main.file;
}

const MAX_IN_FLIGHT = 2;

function sqliteSink(file: string, importId: number, columns: RowColumn[]): RowSink {
  const worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), {
    workerData: { file, table: rowsTableName(importId), columns },
  });
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  worker.on('message', (msg: { type: string; message?: string }) => {
    if (msg.type === 'error') fail(new Error(msg.message));
    else waiting.shift()?.resolve();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (waiting.length) fail(new Error(`SQLite writer stopped (${code})`));
  });
  const send = (msg: object) => {
    if (failure) return Promise.reject(failure);
    const done = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
    worker.postMessage(msg);
    return done;
  };
  let inFlight: Promise<void>[] = [];
  return {
    async write(values, count) {
      inFlight.push(send({ type: 'rows', values, count }));
      if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
    },
    async finish() {
      await Promise.all(inFlight);
      inFlight = [];
      await send({ type: 'finish', indexSql: indexStatements(importId) });
    },
    async close() {
      await Promise.allSettled(inFlight);
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

function postgresSink(ctx: AppContext, importId: number, columns: RowColumn[]): RowSink {
  const table = rowsTableName(importId);
  const width = columns.length;
  let pending: Promise<unknown> | null = null;
  const insert = (values: unknown[], count: number) => {
    const arrays = columns.map((_, c) => {
      const a = new Array(count);
      for (let r = 0; r < count; r++) a[r] = values[r * width + c];
      return a;
    });
    const unnest = sql.join(
      arrays.map((a, c) => sql`${a}::${sql.raw(pgArrayType(columnType(columns[c] as RowColumn)))}`),
    );
    return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select * from unnest(${unnest})`.execute(ctx.db);
  };
  return {
    async write(values, count) {
      if (pending) await pending;
      // The caller refills its buffer; the arrays above are built before this returns.
      pending = insert(values, count);
    },
    async finish() {
      if (pending) await pending;
      pending = null;
      await indexRowsTable(ctx.db, importId);
    },
    async close() {
      if (pending) await Promise.allSettled([pending]);
    },
  };
}
