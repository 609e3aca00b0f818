// The server's SQLite connection (sqlite-driver.ts) and a worker's (sqlite-worker.ts), on a real
// file: SQLite only, these are its drivers. A write held back by the gate waits without stopping
// the event loop; other callers' statements never land inside an open transaction or stream; the
// worker's read snapshot takes no write lock, its other transactions take it at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, sqliteWriteGate } from './database.js';
import { openSqliteWorker, type SqliteWorkerDatabase } from './sqlite-worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite connections', () => {
  let dir: string;
  let file: string;
  let main: Database;
  let worker: SqliteWorkerDatabase;
  const count = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from t`.execute(main.db)).rows[0]?.n);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'paicha-sqlite-conn-'));
    file = path.join(dir, 'paicha.sqlite');
    main = openDatabase({ databaseUrl: null, dataDir: dir });
    await sql`create table t (x integer)`.execute(main.db);
    worker = openSqliteWorker(file, ['busy_timeout = 10000']);
  });
  afterAll(async () => {
    await worker?.destroy();
    await main?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds a write while another connection writes, without stopping the event loop; reads go on', async () => {
    const gate = sqliteWriteGate(main.db);
    expect(gate).not.toBeNull();
    // The server's handle is the opened one plus plugins (the audit key): the gate goes along.
    expect(sqliteWriteGate(main.db.withTables<{ extra: { x: number } }>())).toBe(gate);
    const other = new SQLite(file);
    let written = false;
    let write: Promise<unknown> = Promise.resolve();
    const lateness: number[] = [];
    await gate?.hold(async () => {
      other.exec('begin immediate; insert into t values (1)');
      write = sql`insert into t values (2)`.execute(main.db).then(() => {
        written = true;
      });
      // Without the gate the insert would sit in SQLite's busy wait, the timers below with it.
      for (let i = 0; i < 10; i++) {
        const due = performance.now() + 20;
        await sleep(20);
        lateness.push(performance.now() - due);
      }
      expect(written).toBe(false);
      expect(await count()).toBe(0);
      other.exec('commit');
    });
    await write;
    other.close();
    expect(written).toBe(true);
    expect(await count()).toBe(2);
    expect(Math.max(...lateness)).toBeLessThan(150);
  });

  it('keeps other statements out of an open transaction and waits for it before holding writes', async () => {
    await sql`delete from t`.execute(main.db);
    const gate = sqliteWriteGate(main.db);
    const events: string[] = [];
    let wrote = () => {};
    const hasWritten = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const trx = main.db.transaction().execute(async (tx) => {
      await sql`insert into t values (10)`.execute(tx);
      events.push('transaction wrote');
      wrote();
      await sleep(50);
      events.push('transaction failed');
      throw new Error('rolled back on purpose');
    });
    await hasWritten;
    const outside = sql`insert into t values (11)`.execute(main.db);
    const held = gate?.hold(async () => {
      events.push('writes held');
    });
    await expect(trx).rejects.toThrow('rolled back on purpose');
    await outside;
    await held;
    // The insert made outside survived the rollback: it ran after the transaction, not in it.
    expect((await sql<{ x: number }>`select x from t`.execute(main.db)).rows).toEqual([{ x: 11 }]);
    expect(events).toEqual(['transaction wrote', 'transaction failed', 'writes held']);
  });

  it('streams rows while other statements wait for the stream to end', async () => {
    await sql`delete from t`.execute(main.db);
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 500)
      insert into t select i from n`.execute(main.db);
    let seen = 0;
    let inserted: Promise<unknown> = Promise.resolve();
    for await (const _row of main.db
      .selectFrom('t' as never)
      .selectAll()
      .stream(50)) {
      if (seen++ === 10) inserted = sql`insert into t values (0)`.execute(main.db);
    }
    await inserted;
    expect(seen).toBe(500);
    expect(await count()).toBe(501);
  });

  it('runs a worker read snapshot without the write lock, and its other transactions with it', async () => {
    await sql`delete from t`.execute(main.db);
    await worker.db
      .transaction()
      .setAccessMode('read only')
      .execute(async (tx) => {
        expect((await sql`select count(*) as n from t`.execute(tx)).rows).toEqual([{ n: 0 }]);
        await sql`create temp table scratch as select * from t`.execute(tx);
        // The server's connection writes meanwhile; the snapshot does not see it.
        await sql`insert into t values (1)`.execute(main.db);
        expect((await sql`select count(*) as n from t`.execute(tx)).rows).toEqual([{ n: 0 }]);
        await sql`drop table scratch`.execute(tx);
      });
    const res = await worker.db.transaction().execute(async (tx) => {
      await sql`insert into t values (2)`.execute(tx);
      return sql`update t set x = x + 100`.execute(tx);
    });
    expect(res.numAffectedRows).toBe(2n);
    expect(await count()).toBe(2);
    const err = await sql`insert into missing values (1)`.execute(worker.db).catch((e) => e);
    expect(err.message).toContain('no such table');
    expect(err.code).toBe('SQLITE_ERROR');
  });
});
