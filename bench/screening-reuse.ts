// The screening benchmark's --keep DIR / --screen-only DIR: a run with --keep leaves the generated
// files and a copy of the imported database (taken after the import, before the screening) in DIR;
// --screen-only DIR then screens a fresh copy of that database with the built CLI, timed alone,
// without generating, importing or the DuckDB floor again — for iterating on the screening. The
// copy: the SQLite data dir copied, or a PostgreSQL database created from the kept one as template
// (the kept PostgreSQL database, named in DIR/kept.json, stays until dropped).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DialectName } from '../packages/server/src/db/database.js';
import type { TestDatabase } from '../packages/server/src/test/databases.js';
import { type ChildRun, paichaEnv, runChild } from './paicha-cli-run.js';

const ADMIN_URL = process.env.PAICHA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Kept {
  dialect: DialectName;
  /** A PostgreSQL database's name (SQLite: null, the data dir holds it). */
  database: string | null;
  /** The planted problems' keys, as screening.ts compares them. */
  planted: string[];
  now: string;
}

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);
const withDatabase = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

/** Copies the imported database into `dir` (replacing an earlier copy) and records what to expect. */
export async function keepDatabase(
  dir: string,
  db: TestDatabase,
  dialect: DialectName,
  planted: string[],
  now: string,
): Promise<void> {
  const data = path.join(dir, 'kept-data');
  rmSync(data, { recursive: true, force: true });
  cpSync(db.dataDir, data, { recursive: true });
  let database: string | null = null;
  if (db.databaseUrl) {
    database = `paicha_kept_${path.basename(dir).replace(/\W/g, '_')}`;
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database} TEMPLATE ${databaseName(db.databaseUrl)}`);
  }
  const kept: Kept = { dialect, database, planted, now };
  writeFileSync(path.join(dir, 'kept.json'), JSON.stringify(kept));
}

/** `paicha screen --json` over a fresh copy of the kept database; its output and the planted keys. */
export async function screenKept(dir: string): Promise<{ run: ChildRun; output: string; kept: Kept }> {
  const kept = JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8')) as Kept;
  const work = path.join(dir, 'screen-only');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  const data = path.join(work, 'data');
  cpSync(path.join(dir, 'kept-data'), data, { recursive: true });
  const database = kept.database ? `${kept.database}_run` : null;
  if (database && kept.database) {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database} TEMPLATE ${kept.database}`);
  }
  try {
    const env = paichaEnv(data, database ? withDatabase(database) : null, kept.now);
    const out = path.join(work, 'screen.out');
    const run = await runChild(['screen', '--json'], env, out, work);
    if (run.code !== 0) throw new Error(`paicha screen exited ${run.code}`);
    return { run, output: readFileSync(out, 'utf8'), kept };
  } finally {
    if (database) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}
