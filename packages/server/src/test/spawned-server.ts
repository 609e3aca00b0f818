// A real server process (as `npm start` runs it) on a database prepared in this process: for
// measurements that must not include the test runner — the server's peak memory (VmHWM from
// /proc) and how fast it answers while it works.
import { readFileSync } from 'node:fs';
import type { DialectName } from '../db/database.js';
import { fixedClock } from '../kernel/clock.js';
import type { AppContext } from '../kernel/context.js';
import { openRuntime } from '../runtime.js';
import { createTestDatabase } from './databases.js';
import { testConfig } from './harness.js';
import { signIn, startServerProcess } from './server-process.js';

export interface SpawnedServer {
  baseUrl: string;
  pid: number;
  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** Resident memory now (VmRSS), in MB. */
  rssMb(): number;
  /** Signs in through the API; returns the Cookie header value. */
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PreparedDatabase {
  dialect: DialectName;
  dataDir: string;
  databaseUrl: string | null;
  /** Works on the database from this process (seeding, users); the server sees the result. */
  withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T>;
  /** Starts a server on it (stop it before dropping). */
  start(): Promise<SpawnedServer>;
  drop(): Promise<void>;
}

/** A fresh, migrated and seeded database (admin password ADMIN_PASSWORD) for a spawned server. */
export async function prepareDatabase(
  dialect: DialectName,
  now = '2020-03-01T02:00:00Z',
): Promise<PreparedDatabase> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(database);
  const withContext = async <T>(fn: (ctx: AppContext) => Promise<T>) => {
    const runtime = await openRuntime({ config, clock: fixedClock(now) });
    try {
      return await fn(runtime.ctx);
    } finally {
      await runtime.close();
    }
  };
  await withContext(async () => undefined); // migrate and seed now
  return {
    dialect,
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    withContext,
    start: () => spawnServer(database.dataDir, database.databaseUrl),
    drop: () => database.drop(),
  };
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function spawnServer(dataDir: string, databaseUrl: string | null): Promise<SpawnedServer> {
  const server = await startServerProcess({
    PAICHA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    // Timers off: nothing but the measured work runs in the server.
    PAICHA_REMINDER_MINUTES: '0',
    PAICHA_HOUSEKEEPING_MINUTES: '0',
  });
  return {
    ...server,
    peakRssMb: () => statusField(server.pid, 'VmHWM'),
    rssMb: () => statusField(server.pid, 'VmRSS'),
    login: (username, password) => signIn(server.baseUrl, username, password),
  };
}
