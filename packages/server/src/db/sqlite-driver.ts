// The server's SQLite connection (better-sqlite3, synchronous) under Kysely, with one difference
// from Kysely's own SqliteDriver: work on another connection (a screening run's worker,
// sqlite-worker.ts) can hold this connection's writes back *asynchronously* (WriteGate).
//
// Why: while another connection holds SQLite's write lock, a write here would wait in SQLite's
// busy handler — inside the synchronous call, so the whole event loop stops for up to
// busy_timeout (5 s), and the worker, whose next statement this thread sends, stops with it: a
// screening's write phase and a street's save took turns at 5-second stalls and the save failed.
// With the gate closed, writes (statements SQLite says are not read-only, and transactions) wait
// on a promise instead; reads go on, WAL serving them the last committed state.
//
// One connection, so statements of other callers must not land inside an open transaction or
// between the rows of an open stream: those are exclusive, as with Kysely's mutex. Single
// statements outside them need no lock: each runs to its end synchronously.
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  type UnknownRow,
} from 'kysely';

/** What the driver needs of the connection (database.ts adds a statement cache in front). */
export interface SqliteHandle {
  prepare(sql: string): SQLite.Statement;
  close(): unknown;
  readonly inTransaction: boolean;
}

/** Holds the server connection's writes while work elsewhere has the write lock. */
export class WriteGate {
  private held: Promise<unknown> = Promise.resolve();
  closed = false;
  constructor(private readonly driver: SqliteMainDriver) {}

  /**
   * Runs `fn` with this connection's writes held: from when no transaction of this connection is
   * open (so none is caught half-way) until `fn` settles. Holders take turns.
   */
  hold<T>(fn: () => Promise<T>): Promise<T> {
    const turn = this.held.then(async () => {
      this.closed = true;
      try {
        await this.driver.whenNoExclusive();
        return await fn();
      } finally {
        this.closed = false;
        this.driver.changed();
      }
    });
    this.held = turn.catch(() => {});
    return turn;
  }
}

/** Carries the gate with the database handle; changes no query. */
export class WriteGatePlugin implements KyselyPlugin {
  constructor(readonly gate: WriteGate) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class Handle implements DatabaseConnection {
  constructor(private readonly driver: SqliteMainDriver) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const d = this.driver;
    for (;;) {
      if (!d.mayRun(this)) {
        await d.next();
        continue;
      }
      const stmt = d.db.prepare(compiled.sql);
      if (!stmt.readonly && !d.mayWrite(this)) {
        await d.next();
        continue;
      }
      const parameters = compiled.parameters as unknown[];
      if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
      const { changes, lastInsertRowid } = stmt.run(parameters);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    const own = await this.driver.takeExclusive(this, false);
    try {
      const stmt = this.driver.db.prepare(compiled.sql);
      for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
    } finally {
      if (own) this.driver.releaseExclusive(this);
    }
  }
}

export class SqliteMainDriver implements Driver {
  readonly gate = new WriteGate(this);
  /** The handle with an open transaction or stream: everyone else waits for it. */
  private exclusive: Handle | null = null;
  private waiting: (() => void)[] = [];

  constructor(readonly db: SqliteHandle) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Handle(this);
  }

  async releaseConnection(): Promise<void> {}

  /** Wakes everyone waiting; each checks again whether it may go on. */
  changed(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }

  next(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** No transaction or stream is open but `h`'s own. */
  mayRun(h: Handle): boolean {
    return this.exclusive === null || this.exclusive === h;
  }

  /** Inside its own transaction, or the gate is open. */
  mayWrite(h: Handle): boolean {
    return this.exclusive === h || !this.gate.closed;
  }

  async whenNoExclusive(): Promise<void> {
    while (this.exclusive !== null) await this.next();
  }

  /** Makes `h` exclusive; false when it already was (a stream inside its own transaction). */
  async takeExclusive(h: Handle, writes: boolean): Promise<boolean> {
    if (this.exclusive === h) return false;
    while (!this.mayRun(h) || (writes && !this.mayWrite(h))) await this.next();
    this.exclusive = h;
    return true;
  }

  releaseExclusive(h: Handle): void {
    if (this.exclusive !== h) return;
    this.exclusive = null;
    this.changed();
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    // Any transaction may write: it waits for the gate, so none is open when a holder starts.
    await this.takeExclusive(c as Handle, true);
    try {
      this.db.prepare('begin').run();
    } catch (err) {
      this.releaseExclusive(c as Handle);
      throw err;
    }
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    try {
      this.db.prepare('commit').run();
    } finally {
      // A failed commit may leave the transaction open for the caller's rollback: still ours.
      if (!this.db.inTransaction) this.releaseExclusive(c as Handle);
    }
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    try {
      if (this.db.inTransaction) this.db.prepare('rollback').run();
    } finally {
      this.releaseExclusive(c as Handle);
    }
  }

  async savepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`savepoint ${quote(name)}`));
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`rollback to ${quote(name)}`));
  }

  async releaseSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`release ${quote(name)}`));
  }

  async destroy(): Promise<void> {
    this.db.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
