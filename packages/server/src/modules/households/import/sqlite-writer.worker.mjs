// Bulk loader for SQLite, in a worker thread with its own connection: the main thread reads,
// decodes and normalises the file while this one inserts, so an import uses both cores. Plain
// JavaScript on purpose: a worker gets no TypeScript loader, neither under the CLI nor in tests.
// Messages: {type:'rows', text, dict, lens, nums, count} (packed by row-sink.ts) → {type:'ack',
// lens, nums} (the arrays handed back, transferred, for the next chunks);
// {type:'run', sql, parameters} (an update of the import's own row: row-sink.ts) → {type:'ack'};
// {type:'finish', indexSql} → {type:'done'}. Each import starts with {type:'open', file, table, columns},
// which opens a connection of its own (never one kept from before: the file may have been replaced
// since, by a restore); {type:'release'} → {type:'released'} closes it and leaves the thread for the
// next import in this process (lib/idle-workers.ts keeps it); {type:'close'} also ends the thread.
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** The import's connection. */
let db = null;

function connect(file) {
  // An import always ends with 'release' or 'close'; a connection still open here is one whose
  // import never said so, and is closed rather than leaked.
  db?.close();
  db = new SQLite(file);
  db.pragma('busy_timeout = 30000');
  // WAL is already on for the file. NORMAL syncs at checkpoints only, which is safe in WAL mode;
  // OFF would gain nothing more here (commits in WAL mode do not sync under NORMAL either) and
  // would let this connection's checkpoints reach the main file unsynced.
  db.pragma('synchronous = NORMAL');
  // Appends and one index build at a time need few pages cached: 16 MB imported a million people
  // as fast as 64 MB did (11–14 s under load) with ~60 MB less peak memory.
  db.pragma('cache_size = -16384');
  // The index builds after the load sort runs of at most the cache size in memory and merge them
  // from temporary files (temp_store left at FILE): at a million people, sorting wholly in memory
  // added ~60 MB to the import's peak and was no faster (5.9–9.2 s against 7.5–10.5 s, two indexes).
  // No checkpoints while loading: each would copy the WAL into the file and sync it, dozens of
  // times per million rows; one checkpoint at the end does the copying once.
  db.pragma('wal_autocheckpoint = 0');
  return db;
}

/** One import's insert: its table's statements and the chunks' dictionary. */
function importer(file, table, columns) {
  const conn = connect(file);
  const width = columns.length;
  const tuple = `(${columns.map(() => '?').join(',')})`;
  // Many rows per statement: binding cost per statement, not per row, is what limits better-sqlite3.
  const PER_STATEMENT = Math.max(1, Math.min(64, Math.floor(32000 / width)));
  const sqlFor = (n) =>
    `insert into ${table} (${columns.join(',')}) values ${Array(n).fill(tuple).join(',')}`;
  const many = conn.prepare(sqlFor(PER_STATEMENT));
  const one = conn.prepare(sqlFor(1));
  const args = new Array(PER_STATEMENT * width);
  const oneArgs = new Array(width);
  const dictionary = [];

  const insert = conn.transaction((text, lens, nums, count) => {
    let i = 0; // value index
    let at = 0; // offset in text
    const fill = (target) => {
      for (let k = 0; k < target.length; k++, i++) {
        const n = lens[i];
        if (n >= 0) {
          target[k] = text.slice(at, at + n);
          at += n;
        } else if (n === -1) target[k] = null;
        else if (n === -2) target[k] = nums[i];
        else target[k] = dictionary[-3 - n];
      }
    };
    let row = 0;
    for (; row + PER_STATEMENT <= count; row += PER_STATEMENT) {
      fill(args);
      many.run(args);
    }
    for (; row < count; row++) {
      fill(oneArgs);
      one.run(oneArgs);
    }
  });
  return (msg) => {
    for (const entry of msg.dict) dictionary.push(entry);
    insert(msg.text, msg.lens, msg.nums, msg.count);
  };
}

let rows = null;

parentPort.on('message', (msg) => {
  try {
    if (msg.type === 'open') {
      rows = importer(msg.file, msg.table, msg.columns);
    } else if (msg.type === 'rows') {
      rows(msg);
      const { lens, nums } = msg;
      parentPort.postMessage({ type: 'ack', lens, nums }, [lens.buffer, nums.buffer]);
    } else if (msg.type === 'run') {
      db.prepare(msg.sql).run(msg.parameters);
      parentPort.postMessage({ type: 'ack' });
    } else if (msg.type === 'finish') {
      for (const statement of msg.indexSql) db.exec(statement);
      // PASSIVE: copies what no reader still needs and never waits for one.
      db.pragma('wal_checkpoint(PASSIVE)');
      parentPort.postMessage({ type: 'done' });
    } else if (msg.type === 'release') {
      rows = null;
      db?.close();
      db = null;
      parentPort.postMessage({ type: 'released' });
    } else if (msg.type === 'close') {
      db?.close();
      db = null;
      parentPort.close();
    }
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
  }
});
