// A Kysely instance whose SQLite connection lives in a worker thread (sqlite-executor.worker.mjs):
// the query builders and raw SQL stay as they are, only the statements run elsewhere, so a long
// statement leaves the event loop free. One connection, one statement at a time, like Kysely's
// own SqliteDriver; Kysely compiles in this thread, the worker prepares, binds and answers rows.
//
// Transactions: `.setAccessMode('read only')` begins a deferred transaction — a read snapshot of
// the main database that takes no write lock (temporary tables may still be written); any other
// transaction begins IMMEDIATE, taking the write lock at once, so that its first read and its
// writes see the same database (a deferred one that read first would fail with
// SQLITE_BUSY_SNAPSHOT if another connection committed in between).
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type KyselyPlugin,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type TransactionSettings,
} from 'kysely';
import type { DB } from './schema.js';

export interface SqliteWorkerDatabase {
  db: Kysely<DB>;
  destroy(): Promise<void>;
}

interface Answer {
  id: number;
  rows?: Record<string, unknown>[];
  changes?: number;
  lastInsertRowid?: number | bigint;
  error?: { message: string; code?: string };
}

class WorkerConnection implements DatabaseConnection {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (a: Answer) => {
      const p = this.pending.get(a.id);
      this.pending.delete(a.id);
      p?.resolve(a);
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`SQLite worker stopped (${code})`)));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.failure) throw this.failure;
    const id = this.next++;
    const answer = await new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql: compiled.sql, parameters: compiled.parameters });
    });
    if (answer.error) {
      // Keep SQLite's error code (SQLITE_CONSTRAINT_UNIQUE …) for callers that look at it.
      throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    }
    if (answer.changes === undefined) return { rows: (answer.rows ?? []) as R[] };
    return {
      rows: [],
      numAffectedRows: BigInt(answer.changes),
      insertId: answer.lastInsertRowid === undefined ? undefined : BigInt(answer.lastInsertRowid),
    };
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    // The worker answers whole results; they are handed on in chunks of the size asked.
    const { rows } = await this.executeQuery<R>(compiled);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((resolve) => {
      const timer = setTimeout(() => void this.worker.terminate().then(() => resolve()), 5000);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.worker.postMessage({ type: 'close' });
    await exited;
  }
}

class WorkerDriver implements Driver {
  private connection: WorkerConnection | null = null;
  /** Callers waiting for the one connection, served in order. */
  private queue: (() => void)[] = [];
  private busy = false;

  constructor(
    private readonly file: string,
    private readonly pragmas: readonly string[],
  ) {}

  async init(): Promise<void> {
    const worker = new Worker(new URL('./sqlite-executor.worker.mjs', import.meta.url), {
      workerData: { file: this.file, pragmas: this.pragmas },
    });
    this.connection = new WorkerConnection(worker);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.busy = true;
    if (!this.connection) throw new Error('SQLite worker not started');
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.queue.shift();
    if (next) next();
    else this.busy = false;
  }

  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await c.executeQuery(
      CompiledQuery.raw(settings.accessMode === 'read only' ? 'begin' : 'begin immediate'),
    );
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.connection?.close();
    this.connection = null;
  }
}

/**
 * Opens `file` on a connection in a worker thread, with these pragmas (`busy_timeout = …`,
 * `cache_size = …`); foreign keys are on, as on the server's connection. `plugins`: those of the
 * server's handle (the audit key travels as one), so that code given either handle works alike.
 */
export function openSqliteWorker(
  file: string,
  pragmas: readonly string[] = [],
  plugins: readonly KyselyPlugin[] = [],
): SqliteWorkerDatabase {
  const db = new Kysely<DB>({
    plugins: [...plugins],
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new WorkerDriver(file, ['foreign_keys = ON', ...pragmas]),
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (k) => new SqliteIntrospector(k),
    },
  });
  return { db, destroy: () => db.destroy() };
}
