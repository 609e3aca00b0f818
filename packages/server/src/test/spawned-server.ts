// A real server process (as `npm start` runs it) on a database prepared in this process: for
// measurements that must not include the test runner — the server's peak memory (VmHWM from
// /proc) and how fast it answers while it works.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DialectName } from '../db/database.js';
import { fixedClock } from '../kernel/clock.js';
import { loadConfig } from '../kernel/config.js';
import type { AppContext } from '../kernel/context.js';
import { openRuntime } from '../runtime.js';
import { createTestDatabase } from './databases.js';
import { ADMIN_PASSWORD } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

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
  const config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    adminPassword: ADMIN_PASSWORD,
    webDist: '/nonexistent',
  };
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function spawnServer(dataDir: string, databaseUrl: string | null): Promise<SpawnedServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', 'packages/server/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PAICHA_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? '',
        PAICHA_LOG_LEVEL: 'warn',
        PAICHA_REMINDER_MINUTES: '0',
        PAICHA_HOUSEKEEPING_MINUTES: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join('')}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within 60 s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid as number;
  return {
    baseUrl,
    pid,
    peakRssMb: () => statusField(pid, 'VmHWM'),
    rssMb: () => statusField(pid, 'VmRSS'),
    async login(username, password) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },
    stop,
  };
}
