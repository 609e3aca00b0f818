// paicha end to end as a user runs it: the built CLI (packages/server/bin/paicha.mjs →
// dist/cli.mjs) as child processes — `paicha import national=… sunshine=… …`, then
// `paicha screen --json > file` — each timed by wall clock, with its own peak RSS
// (packages/server/src/test/child-rss.mjs). A fresh SQLite data dir or PostgreSQL database; migrated first, untimed
// (the server has done that long before anyone imports).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HouseholdSource } from '@paicha/core';
import type { DialectName } from '../packages/server/src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test/databases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'packages/server/bin/paicha.mjs');
const HOOK = new URL('../packages/server/src/test/child-rss.mjs', import.meta.url).href;

export interface ChildRun {
  ms: number;
  rssMb: number;
  code: number;
}

export interface PaichaRun {
  migrate: ChildRun;
  import: ChildRun;
  /** Each source's own import time, ms (the CLI's --json report). */
  fileMs: Partial<Record<string, number>>;
  screen: ChildRun;
  /** The screen command's stdout (its --json output). */
  output: string;
}

export function runChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdoutFile: string,
  workDir: string,
): Promise<ChildRun> {
  const rssFile = path.join(workDir, `rss-${args[0]}.txt`);
  const out = createWriteStream(stdoutFile);
  return new Promise((resolve, reject) => {
    out.on('open', () => {
      const started = performance.now();
      const child = spawn(process.execPath, ['--import', HOOK, BIN, ...args], {
        env: { ...env, PAICHA_BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', out, 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        const ms = performance.now() - started;
        out.close();
        const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
        resolve({ ms, rssMb: Math.round(kb / 1024), code: code ?? 1 });
      });
    });
  });
}

/** The environment the CLI runs in against one data dir and (PostgreSQL) database. */
export function paichaEnv(dataDir: string, databaseUrl: string | null, now: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAICHA_DATA_DIR: dataDir,
    PAICHA_FIXED_TIME: now,
    PAICHA_ADMIN_PASSWORD: 'bench-admin-password-1',
    PAICHA_LOG_LEVEL: 'warn',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/** `keep` is handed the imported database before the screening (to copy it for --keep). */
export async function runPaicha(
  dialect: DialectName,
  files: Record<HouseholdSource, string>,
  workDir: string,
  now: string,
  keep?: (db: TestDatabase) => Promise<void>,
): Promise<PaichaRun> {
  if (!existsSync(path.join(ROOT, 'packages/server/dist/cli.mjs')))
    throw new Error('packages/server/dist/cli.mjs missing: npm run build -w @paicha/server');
  const db = await createTestDatabase(dialect);
  const env = paichaEnv(db.dataDir, db.databaseUrl, now);
  try {
    const log = (name: string) => path.join(workDir, `${name}.out`);
    const migrate = await runChild(['migrate'], env, log('migrate'), workDir);
    const pairs = Object.entries(files).map(([s, f]) => `${s}=${f}`);
    const imported = await runChild(['import', '--json', ...pairs], env, log('import'), workDir);
    if (imported.code !== 0)
      throw new Error(`paicha import exited ${imported.code}: ${readFileSync(log('import'), 'utf8')}`);
    // Each file's own time, from the CLI's report: a file's rate, not one over the whole import.
    const report = JSON.parse(readFileSync(log('import'), 'utf8')) as {
      files: { source: string; ms: number }[];
    };
    const fileMs = Object.fromEntries(report.files.map((f) => [f.source, f.ms]));
    await keep?.(db);
    const screen = await runChild(['screen', '--json'], env, log('screen'), workDir);
    if (screen.code !== 0) throw new Error(`paicha screen exited ${screen.code}`);
    return { migrate, import: imported, fileMs, screen, output: readFileSync(log('screen'), 'utf8') };
  } finally {
    await db.drop();
  }
}
