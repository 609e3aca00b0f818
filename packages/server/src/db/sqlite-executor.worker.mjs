// A SQLite connection of its own in a worker thread, for work whose statements run for seconds
// (a screening run): better-sqlite3 is synchronous, so on the server's connection such a statement
// would hold the event loop — no request, not even /api/health, answered meanwhile. The main
// thread keeps its own connection; WAL lets both read at once. Plain JavaScript on purpose: a
// worker gets no TypeScript loader, neither under the CLI nor in tests.
// Messages: {id, sql, parameters} → {id, rows, changes, lastInsertRowid} or {id, error};
// {type:'close'} closes the connection and ends the thread.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, pragmas } = workerData;
const db = new SQLite(file);
for (const pragma of pragmas) db.pragma(pragma);

// The same statement text comes back often (chunked inserts): prepare it once.
const prepared = new Map();
const statement = (sql) => {
  let stmt = prepared.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (prepared.size >= 200) prepared.clear();
    prepared.set(sql, stmt);
  }
  return stmt;
};

// Structured clone turns a Buffer into a plain Uint8Array; better-sqlite3 binds only Buffers as blobs.
const bindable = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v);

parentPort.on('message', (msg) => {
  if (msg.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters } = msg;
  try {
    const stmt = statement(sql);
    const args = parameters.map(bindable);
    if (stmt.reader) {
      parentPort.postMessage({ id, rows: stmt.all(args) });
    } else {
      const { changes, lastInsertRowid } = stmt.run(args);
      parentPort.postMessage({ id, rows: [], changes, lastInsertRowid });
    }
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code } });
  }
});
