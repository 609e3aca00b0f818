// Bulk loader for SQLite, in a worker thread with its own connection: the main thread reads,
// decodes and normalises the file while this one inserts, so an import uses both cores. Plain
// JavaScript on purpose: a worker gets no TypeScript loader, neither under the CLI nor in tests.
// Messages: {type:'rows', values, count} → {type:'ack'}; {type:'finish', indexSql} → {type:'done'}.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, table, columns } = workerData;
const db = new SQLite(file);
db.pragma('busy_timeout = 30000');
// WAL is already on for the file; NORMAL syncs at checkpoints only, which is safe in WAL mode.
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');

const width = columns.length;
const tuple = `(${columns.map(() => '?').join(',')})`;
// Many rows per statement: binding cost per statement, not per row, is what limits better-sqlite3.
const PER_STATEMENT = Math.max(1, Math.min(64, Math.floor(32000 / width)));
const sqlFor = (n) => `insert into ${table} (${columns.join(',')}) values ${Array(n).fill(tuple).join(',')}`;
const many = db.prepare(sqlFor(PER_STATEMENT));
const one = db.prepare(sqlFor(1));
const args = new Array(PER_STATEMENT * width);

const insert = db.transaction((values, count) => {
  let row = 0;
  for (; row + PER_STATEMENT <= count; row += PER_STATEMENT) {
    const base = row * width;
    for (let i = 0; i < args.length; i++) args[i] = values[base + i];
    many.run(args);
  }
  for (; row < count; row++) one.run(values.slice(row * width, (row + 1) * width));
});

parentPort.on('message', (msg) => {
  try {
    if (msg.type === 'rows') {
      insert(msg.values, msg.count);
      parentPort.postMessage({ type: 'ack' });
    } else if (msg.type === 'finish') {
      for (const statement of msg.indexSql) db.exec(statement);
      parentPort.postMessage({ type: 'done' });
    } else if (msg.type === 'close') {
      db.close();
      parentPort.close();
    }
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
  }
});
