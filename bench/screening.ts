// Screening benchmark: synthetic data for N people (~2.5 per household) in all seven sources with
// planted problems, written as the seven CSV exports; then, in the same run:
//   1. the floor — DuckDB (one thread) loading the same seven files into tables (duckdb-floor.ts);
//   2. paicha end to end as a user runs it — the built CLI, `paicha import s=f …` then
//      `paicha screen --json > file`, as child processes (paicha-cli-run.ts): wall clock and each
//      child's peak RSS; the findings printed must be exactly the planted problems;
//   3. with --phases, the in-process phases (screening-phases.ts: rows/s per source, the raw
//      better-sqlite3 insert floor, the .xlsx import against ExcelJS's bare read).
// Prints paicha's end-to-end time as a ratio to the floor, against the targets.
//   npm run build -w @paicha/server   (the CLI that is measured)
//   npm run bench:screening -- --people 1000000 [--db sqlite|postgres] [--phases] [--no-xlsx] [--keep DIR]
//   npm run bench:screening -- --screen-only DIR
// --keep DIR writes the files into DIR and keeps a copy of the imported database there (taken
// before the screening); --screen-only DIR then times `paicha screen --json` alone over a fresh
// copy of it and checks the planted problems again — for iterating on the screening
// (screening-reuse.ts). The dialect and people are the kept run's.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { duckDbFloor } from './duckdb-floor.js';
import { runPaicha } from './paicha-cli-run.js';
import { writeScreeningFiles } from './screening-files.js';
import { screenedKeys } from './screening-output.js';
import { benchPhases } from './screening-phases.js';
import { keepDatabase, screenKept } from './screening-reuse.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'sqlite' },
    phases: { type: 'boolean' },
    'no-xlsx': { type: 'boolean' },
    keep: { type: 'string' },
    'screen-only': { type: 'string' },
  },
});
const N = Number(values.people);
const dialect = values.db === 'postgres' ? 'postgres' : 'sqlite';
const NOW = '2019-12-20T02:00:00Z';
const keep = values.keep ? path.resolve(values.keep) : null;
if (keep) mkdirSync(keep, { recursive: true });
const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'paicha-bench-'));
const s = (ms: number) => (ms / 1000).toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Generated files reach the disk before anything is timed: the kernel's write-back of a freshly
 * written gigabyte otherwise lands in the next phase (the first import measured half its speed).
 */
const settle = () => execSync('sync');

if (values['screen-only']) {
  console.log(`load average before paicha: ${load()}`);
  const { run, output, kept } = await screenKept(path.resolve(values['screen-only']));
  const { keys, findings, steps } = screenedKeys(output);
  const want = new Set(kept.planted);
  const missed = [...want].filter((k) => !keys.has(k));
  const extra = [...keys].filter((k) => !want.has(k));
  console.log(
    `paicha screen --json (${kept.dialect}, the kept database): ${s(run.ms)} s, peak RSS ${run.rssMb} MB, ${findings} findings (planted ${want.size}, missed ${missed.length}, extra ${extra.length}); load average after: ${load()}`,
  );
  console.log(`  ${steps}`);
  if (missed.length || extra.length) {
    console.log('missed', missed.slice(0, 10), 'extra', extra.slice(0, 10));
    process.exitCode = 1;
  }
  process.exit();
}

try {
  let t0 = performance.now();
  const data = await writeScreeningFiles(dir, N);
  settle();
  console.log(
    `generate: ${data.people} people, ${data.households} households, ${data.planted.length} planted problems in ${s(performance.now() - t0)} s`,
  );

  console.log(`load average before the floor: ${load()}`);
  const floor = await duckDbFloor(data.files, { sunshine: 'gbk' }, dir);
  settle();
  console.log(
    `DuckDB floor (threads=1, read_csv of the seven files into tables): ${s(floor.ms)} s (of which GBK → UTF-8 decode ${s(floor.decodeMs)} s), bench process peak RSS ${floor.rssMb} MB; rows ${JSON.stringify(floor.rows)}`,
  );

  console.log(`load average before paicha: ${load()}`);
  const planted = data.planted.map((p) => `${p.rule}:${p.idNumber ?? p.householdId}`);
  const run = await runPaicha(
    dialect,
    data.files,
    dir,
    NOW,
    keep ? (db) => keepDatabase(keep, db, dialect, planted, NOW) : undefined,
  );
  const total = run.import.ms + run.screen.ms;
  const peak = Math.max(run.import.rssMb, run.screen.rssMb);
  const { keys, findings, steps } = screenedKeys(run.output);
  const want = new Set(planted);
  const missed = [...want].filter((k) => !keys.has(k));
  const extra = [...keys].filter((k) => !want.has(k));
  const targets =
    dialect === 'sqlite'
      ? 'targets: total ≤ 2× the floor, peak RSS ≤ 400 MB, screening ≤ 8 s'
      : 'targets: screening ≤ 15 s';
  console.log(
    [
      `paicha (${dialect}, built CLI as child processes; migrate ${s(run.migrate.ms)} s untimed):`,
      `  import (7 files, one process): ${s(run.import.ms)} s, peak RSS ${run.import.rssMb} MB`,
      `  screen --json: ${s(run.screen.ms)} s, peak RSS ${run.screen.rssMb} MB, ${findings} findings (planted ${want.size}, missed ${missed.length}, extra ${extra.length})`,
      `  ${steps}`,
      `  end to end: ${s(total)} s = ${(total / floor.ms).toFixed(2)}× the DuckDB floor (${s(floor.ms)} s); peak RSS ${peak} MB`,
      `  ${targets}; national file ${s(run.fileMs.national ?? Number.NaN)} s = ${Math.round((data.rows.national / (run.fileMs.national ?? Number.NaN)) * 1000)} rows/s`,
      `  load average after: ${load()}`,
    ].join('\n'),
  );
  if (missed.length || extra.length) {
    console.log('missed', missed.slice(0, 10), 'extra', extra.slice(0, 10));
    process.exitCode = 1;
  }
  if (values.phases) {
    t0 = performance.now();
    const ok = await benchPhases(dialect, data, dir, { xlsx: !values['no-xlsx'], now: NOW });
    if (!ok) process.exitCode = 1;
    console.log(`in-process phases: ${s(performance.now() - t0)} s`);
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
