// The in-process phases of the screening benchmark (`npm run bench:screening -- --phases`): each
// source imported through runImport with its rows/s, the raw better-sqlite3 insert rate of the
// same national rows as a floor, the national export again as .xlsx against ExcelJS's bare
// streaming read, and the screening run checked against the planted problems.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { HOUSEHOLD_SOURCES } from '@paicha/core';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { DialectName } from '../packages/server/src/db/database.js';
import { sqliteFile } from '../packages/server/src/db/sqlite-file.js';
import { runImport } from '../packages/server/src/modules/households/import/import.service.js';
import { currentImports } from '../packages/server/src/modules/households/import/imports.repository.js';
import {
  ROW_COLUMN_NAMES,
  rowsTableName,
} from '../packages/server/src/modules/households/import/rows-table.repository.js';
import { runScreening } from '../packages/server/src/modules/households/screening/screening.service.js';
import { startTestApp } from '../packages/server/src/test/harness.js';
import { type GeneratedData, writeScreeningFiles } from './screening-files.js';

const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const settle = () => execSync('sync');

/** Returns false when the screening missed a planted problem or found one not planted. */
export async function benchPhases(
  dialect: DialectName,
  data: GeneratedData,
  dir: string,
  options: { xlsx: boolean; now: string },
): Promise<boolean> {
  const N = data.people;
  let t0 = performance.now();
  const app = await startTestApp(dialect, { now: options.now });
  const report: string[] = [];
  try {
    for (const source of HOUSEHOLD_SOURCES) {
      t0 = performance.now();
      const r = await runImport(app.ctx, {
        source,
        path: data.files[source],
        fileName: `${source}.csv`,
        format: 'csv',
        actorId: null,
      });
      const ms = performance.now() - t0;
      if (r.status !== 'committed')
        throw new Error(`${source} rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
      report.push(
        `import ${source.padEnd(9)} csv : ${String(r.rows).padStart(8)} rows ${String(Math.round(ms)).padStart(7)} ms ${String(rate(r.rows, ms)).padStart(7)} rows/s  (peak RSS so far ${rss()} MB)`,
      );
      console.log(report.at(-1));
    }
    if (dialect === 'sqlite') {
      // The floor: the same normalised national rows, one prepared single-row INSERT each, in one transaction.
      const id = (await currentImports(app.ctx.db)).national as number;
      const src = new SQLite(await sqliteFile(app.ctx), { readonly: true });
      const dst = new SQLite(path.join(dir, 'raw.sqlite'));
      dst.pragma('journal_mode = WAL');
      dst.exec(`create table raw (${ROW_COLUMN_NAMES.join(', ')})`);
      const insert = dst.prepare(`insert into raw values (${ROW_COLUMN_NAMES.map(() => '?').join(', ')})`);
      let insertMs = 0;
      let n = 0;
      let batch: unknown[][] = [];
      const flush = () => {
        const s = performance.now();
        dst.transaction(() => {
          for (const row of batch) insert.run(row);
        })();
        insertMs += performance.now() - s;
        n += batch.length;
        batch = [];
      };
      for (const row of src
        .prepare(`select * from ${rowsTableName(id)}`)
        .raw()
        .iterate()) {
        batch.push(row as unknown[]);
        if (batch.length === 50_000) flush();
      }
      flush();
      src.close();
      dst.close();
      report.push(
        `raw better-sqlite3 insert (same national rows, ${ROW_COLUMN_NAMES.length} columns): ${rate(n, insertMs)} rows/s`,
      );
      console.log(report.at(-1));
    }
    if (options.xlsx) {
      // The same people again, as the national export in .xlsx; written only now, so that its
      // generation (ExcelJS's writer, ~1 GB of garbage at N = 1 M) does not weigh on the CSV phases.
      t0 = performance.now();
      const again = await writeScreeningFiles(mkdtempSync(path.join(dir, 'xlsx-')), N, { xlsx: true });
      const xlsx = again.xlsx as string;
      settle();
      console.log(`generate national.xlsx: ${Math.round(performance.now() - t0)} ms`);
      t0 = performance.now();
      let bare = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'ignore',
        hyperlinks: 'ignore',
        entries: 'emit',
      });
      for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<unknown>>)
        for await (const _row of ws) bare++;
      const bareMs = performance.now() - t0;
      t0 = performance.now();
      const r = await runImport(app.ctx, {
        source: 'national',
        path: xlsx,
        fileName: 'national.xlsx',
        format: 'xlsx',
        actorId: null,
      });
      const ms = performance.now() - t0;
      if (r.status !== 'committed') throw new Error(`xlsx rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
      report.push(
        `ExcelJS bare streaming read: ${bare} rows ${Math.round(bareMs)} ms; import national xlsx: ${r.rows} rows ${Math.round(ms)} ms ${rate(r.rows, ms)} rows/s = ${(ms / bareMs).toFixed(2)}× the bare read (target ≤ 1.5×)`,
      );
      console.log(report.at(-1));
    }
    t0 = performance.now();
    const { findings, summary } = await runScreening(app.ctx, null);
    const screenMs = performance.now() - t0;
    const got = new Set(findings.map((f) => f.key));
    const want = new Set(data.planted.map((p) => p.key));
    const missed = [...want].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !want.has(k));
    report.push(
      `screen: ${findings.length} findings from ${data.people} people in ${Math.round(screenMs)} ms (target ≤ 30 s); planted ${want.size}, missed ${missed.length}, extra ${extra.length}; problems filed ${summary.problemsCreated}`,
    );
    console.log(report.at(-1));
    if (missed.length || extra.length)
      console.log('missed', missed.slice(0, 10), 'extra', extra.slice(0, 10));
    const { rows } = await sql<{ n: number }>`select count(*) as n from problems`.execute(app.ctx.db);
    console.log(
      `ledger problems: ${rows[0]?.n}; peak RSS ${rss()} MB (target ≤ 1024 MB); database ${dialect}`,
    );
    return !(missed.length || extra.length);
  } finally {
    await app.close();
  }
}
