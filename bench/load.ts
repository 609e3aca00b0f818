// Load benchmark: N problems, real server process(es), C concurrent clients for a bounded time
// per scenario — ledger pages, every filter and sort the web offers, text search, counts — as
// the office and as a street reporter; req/s, p50 and p99 per scenario beside a bare-driver
// reference (the first-page query straight through better-sqlite3 / pg) from the same run, and
// the server processes' CPU time per request (what a machine of one's own would make of it).
//   npm run bench:load -- --problems 400000 [--db sqlite|postgres] [--processes 2] [--seconds 10]
//     [--only NAME] [--keep | --reuse DATA_DIR[,DATABASE_URL]]
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DialectName } from '../packages/server/src/db/database.js';
import {
  drive,
  driveCall,
  login,
  percentile,
  type Stats,
  send,
  serverCpuMs,
  startServer,
  stopServer,
} from './load-client.js';
import { ADMIN, STREET, seedLoadDatabase } from './load-seed.js';

const { values } = parseArgs({
  options: {
    problems: { type: 'string', default: '400000' },
    db: { type: 'string', default: 'sqlite' },
    processes: { type: 'string', default: '1' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string' },
    // A database seeded by an earlier run, kept rather than seeded again (for comparing settings
    // back to back): `--reuse DATA_DIR[,DATABASE_URL]`; it is left in place afterwards.
    reuse: { type: 'string' },
    // Leave the seeded database in place and print its --reuse argument.
    keep: { type: 'boolean' },
  },
});
const N = Number(values.problems);
const DIALECT = values.db as DialectName;
const PROCESSES = Number(values.processes);
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const NOW = '2020-03-01T02:00:00Z';
if (DIALECT !== 'sqlite' && DIALECT !== 'postgres') throw new Error('--db sqlite|postgres');

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const enc = encodeURIComponent;

console.log(
  `== ${DIALECT}, ${N.toLocaleString()} problems, ${PROCESSES} server process(es), ${CLIENTS} clients, ${SECONDS} s per scenario`,
);
const seeded = values.reuse ? reused(values.reuse) : await seedLoadDatabase(DIALECT, N, NOW);
console.log(
  `seeded in ${seeded.seconds.toFixed(1)} s (${Math.round(N / seeded.seconds).toLocaleString()} problems/s); ${STREET.unit}: ${seeded.streetProblems.toLocaleString()} problems`,
);
const env = {
  PAICHA_DATA_DIR: seeded.database.dataDir,
  DATABASE_URL: seeded.database.databaseUrl ?? '',
  PAICHA_FIXED_TIME: NOW,
  PAICHA_LOG_LEVEL: 'warn',
  PAICHA_REMINDER_MINUTES: '0',
};
const servers = await Promise.all(Array.from({ length: PROCESSES }, () => startServer(env)));
const ports = servers.map((s) => s.port);
const all: Stats[] = [];
try {
  const port = ports[0] as number;
  const office = await login(port, ADMIN.username, ADMIN.password);
  const street = await login(port, STREET.username, STREET.password);
  const units = JSON.parse((await send(port, 'GET', '/api/units', office)).body) as {
    id: number;
    kind: string;
  }[];
  const unitIds = units.filter((u) => u.kind !== 'office').map((u) => u.id);
  const items = JSON.parse((await send(port, 'GET', '/api/problems/counts?groupBy=item', office)).body) as {
    key: number;
  }[];
  const itemSeqs = items.map((i) => i.key);
  const sorts = ['deadline', 'foundDate', 'status', 'unit', 'checkItem', 'updatedAt', 'id'];

  const scenarios: [string, () => string][] = [
    ['list page 1', () => '/api/problems?pageSize=20'],
    ['list pages 2–500', () => `/api/problems?pageSize=20&page=${2 + Math.floor(Math.random() * 499)}`],
    ['filter status 整改中+已退回', () => '/api/problems?status=rectifying,returned'],
    ['filter unit', () => `/api/problems?unit=${pick(unitIds)}`],
    ['filter check item', () => `/api/problems?checkItem=${pick(itemSeqs)}`],
    ['filter category + source', () => `/api/problems?category=${enc('三保障')}&source=${enc('审计')}`],
    [
      'filter mode + deadline range',
      () => `/api/problems?mode=${enc('限期整改')}&deadlineFrom=2020-02-01&deadlineTo=2020-04-30`,
    ],
    ['overdue, sorted by deadline', () => '/api/problems?overdue=1&sort=deadline&order=asc'],
    ['each sort, both orders', () => `/api/problems?sort=${pick(sorts)}&order=${pick(['asc', 'desc'])}`],
    ['status + sort + page 3', () => `/api/problems?status=pending&sort=${pick(sorts)}&page=3`],
    ['search 危房未改造 (5 chars)', () => `/api/problems?q=${enc('危房未改造')}`],
    [
      'search a village 第N村 (3+ chars)',
      () => `/api/problems?q=${enc(`第${Math.floor(Math.random() * 300)}村`)}`,
    ],
    ['search 2 chars (危房, 知晓, 王某)', () => `/api/problems?q=${enc(pick(['危房', '知晓', '王某']))}`],
    ['search a problem number', () => `/api/problems?q=${1 + Math.floor(Math.random() * N)}`],
    ['counts by unit', () => '/api/problems/counts?groupBy=unit'],
    ['counts by item', () => '/api/problems/counts?groupBy=item'],
    ['counts by source', () => '/api/problems/counts?groupBy=source'],
  ];
  const chosen = values.only ? scenarios.filter(([name]) => name.includes(values.only as string)) : scenarios;

  const row = (name: string, s: Stats) =>
    console.log(
      name.padEnd(44),
      (s.requests / s.seconds).toFixed(1).padStart(8),
      percentile(s.latencies, 50).toFixed(1).padStart(9),
      percentile(s.latencies, 99).toFixed(1).padStart(9),
      String(s.errors).padStart(7),
      s.cpuMs ? (s.cpuMs / s.requests).toFixed(2).padStart(12) : ''.padStart(12),
      s.firstError ? ` ${s.firstError}` : '',
    );
  const header = (title: string) =>
    console.log(
      `\n${title.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'errors'.padStart(7)} ${'srv CPU ms/req'.padStart(12)}`,
    );

  header('reference: bare driver, first 20 rows by id');
  row(`${DIALECT === 'sqlite' ? 'better-sqlite3' : `pg (pool of ${CLIENTS})`}`, await reference());
  // The HTTP stack's own floor: GET /api/health (no session, no ledger) on the same servers.
  const cpuBefore = serverCpuMs(servers);
  const health = await drive(ports, CLIENTS, SECONDS, () => ({ url: '/api/health', cookie: '' }));
  health.cpuMs = serverCpuMs(servers) - cpuBefore;
  row('server floor: GET /api/health', health);

  // Warm-up, not counted: each scenario briefly for each user, so the first figures do not
  // include the servers' JIT compilation and cold page caches.
  for (const cookie of [office, street])
    for (const [, url] of chosen) await drive(ports, CLIENTS, 0.3, () => ({ url: url(), cookie }));
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [who, cookie] of [
    ['office (admin)', office],
    [`street reporter (${STREET.unit})`, street],
  ] as const) {
    header(`as ${who}`);
    for (const [name, url] of chosen) {
      const cpu = serverCpuMs(servers);
      const s = await drive(ports, CLIENTS, SECONDS, () => ({ url: url(), cookie }));
      s.cpuMs = serverCpuMs(servers) - cpu;
      all.push(s);
      row(name, s);
    }
  }
  const whole: Stats = {
    requests: all.reduce((a, s) => a + s.requests, 0),
    errors: all.reduce((a, s) => a + s.errors, 0),
    seconds: all.reduce((a, s) => a + s.seconds, 0),
    latencies: all.flatMap((s) => s.latencies).sort((a, b) => a - b),
    cpuMs: all.reduce((a, s) => a + (s.cpuMs ?? 0), 0),
  };
  header('whole run');
  row('every scenario, both users', whole);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const ok = whole.requests / whole.seconds >= 200 && percentile(whole.latencies, 99) <= 200;
  console.log(`target (≥ 200 req/s, p99 ≤ 200 ms over the whole run): ${ok ? 'met' : 'missed'}`);
} finally {
  await Promise.all(servers.map(stopServer));
  if (values.keep && !values.reuse)
    console.log(
      `kept: --reuse ${seeded.database.dataDir}${seeded.database.databaseUrl ? `,${seeded.database.databaseUrl}` : ''}`,
    );
  else if (!values.reuse) await seeded.database.drop();
}

/** The first page's query through the bare driver, under the same number of clients. */
async function reference(): Promise<Stats> {
  const query = 'select * from problems where campaign_id = 1 order by id desc limit 20';
  if (DIALECT === 'sqlite') {
    const db = new SQLite(path.join(seeded.database.dataDir, 'paicha.sqlite'), { readonly: true });
    const stmt = db.prepare(query);
    try {
      return await driveCall(CLIENTS, SECONDS, async () => stmt.all());
    } finally {
      db.close();
    }
  }
  const pool = new pg.Pool({ connectionString: seeded.database.databaseUrl as string, max: CLIENTS });
  try {
    return await driveCall(CLIENTS, SECONDS, () => pool.query(query));
  } finally {
    await pool.end();
  }
}

function reused(spec: string) {
  const [dataDir = '', databaseUrl] = spec.split(',');
  const database = { dataDir, databaseUrl: databaseUrl ?? null, drop: async () => {} };
  return { database, seconds: Number.NaN, streetProblems: Number.NaN };
}
