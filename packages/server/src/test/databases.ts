// Every data-layer and HTTP test runs against both real databases: a fresh SQLite file and a
// fresh PostgreSQL database created for the test file and dropped after it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DialectName } from '../db/database.js';

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

/** Server to create test databases on; trust auth on 127.0.0.1 here. */
const ADMIN_URL = process.env.PAICHA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  dataDir: string;
  databaseUrl: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'paicha-test-'));
  if (dialect === 'sqlite') {
    return {
      dataDir,
      databaseUrl: null,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `paicha_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    // Never skip silently: a suite that claims to cover PostgreSQL must reach one.
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (start it, or set PAICHA_TEST_PG_URL): ${String(err)}`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
