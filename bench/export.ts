// Export benchmark: the admin's export of the whole ledger (three lists) at N problems (default
// 400,000) from a real server process, on SQLite and PostgreSQL. Prints the server's peak RSS
// (VmHWM), the export's time and size, and /api/health and a street's first ledger page (p50 /
// p99) measured while it runs — beside the bare driver reading the same rows in the same order
// from this process (the reference floor of the same run).
//   npm run bench:export -- --problems 400000 [--db sqlite|postgres|both] [--list all|problems]
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DialectName } from '../packages/server/src/db/database.js';
import { findUnitByName } from '../packages/server/src/modules/units/units.repository.js';
import { createUser } from '../packages/server/src/modules/users/users.service.js';
import { seedBulkProblems } from '../packages/server/src/test/bulk-problems.js';
import { probeExport } from '../packages/server/src/test/export-probe.js';
import { ADMIN_PASSWORD } from '../packages/server/src/test/harness.js';
import { prepareDatabase } from '../packages/server/src/test/spawned-server.js';

const { values } = parseArgs({
  options: {
    problems: { type: 'string', default: '400000' },
    db: { type: 'string', default: 'both' },
    list: { type: 'string', default: 'all' },
  },
});
const N = Number(values.problems);
const dialects: DialectName[] = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db as DialectName];
const SHEETS = values.list === 'all' ? 3 : 1;

// The rows and order of the export (unit, item 序号, id), joined as the export joins them.
const LEDGER_SQL = `select p.*, i.seq, i.sub_category, u.name as unit_name
  from problems p join check_items i on i.id = p.check_item_id join units u on u.id = p.unit_id
  where p.campaign_id = 1 order by u.sort_order, u.id, i.seq, p.id`;

/** The bare driver reading every row of the export once per sheet, as fast as it can. */
async function reference(dialect: DialectName, dataDir: string, databaseUrl: string | null) {
  const started = performance.now();
  let rows = 0;
  if (dialect === 'sqlite') {
    const db = new Database(path.join(dataDir, 'paicha.sqlite'), { readonly: true });
    for (let s = 0; s < SHEETS; s++) for (const _ of db.prepare(LEDGER_SQL).iterate()) rows++;
    db.close();
  } else {
    const client = new pg.Client({ connectionString: databaseUrl ?? '' });
    await client.connect();
    for (let s = 0; s < SHEETS; s++) {
      const stream = client.query(copyTo(`copy (${LEDGER_SQL}) to stdout`));
      for await (const chunk of stream) for (const b of chunk as Buffer) if (b === 10) rows++;
    }
    await client.end();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

const fmt = (x: number, d = 0) => x.toFixed(d).padStart(9);

for (const dialect of dialects) {
  const prepared = await prepareDatabase(dialect);
  try {
    const { seconds, streetCount } = await prepared.withContext(async (ctx) => {
      const seconds = await seedBulkProblems(ctx, N);
      const unit = await findUnitByName(ctx.db, '中云街道');
      if (!unit) throw new Error('no 中云街道');
      await createUser(ctx, null, {
        username: 'bench_street',
        displayName: 'bench_street',
        unitId: unit.id,
        role: 'reporter',
        password: 'bench-street-password',
      });
      const c = await ctx.db
        .selectFrom('problems')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unit_id', '=', unit.id)
        .executeTakeFirstOrThrow();
      return { seconds, streetCount: Number(c.n) };
    });
    console.log(
      `\n== ${dialect}: ${N.toLocaleString()} problems seeded in ${seconds.toFixed(1)} s; 中云街道 holds ${streetCount.toLocaleString()}`,
    );
    const ref = await reference(dialect, prepared.dataDir, prepared.databaseUrl);
    const server = await prepared.start();
    try {
      const admin = await server.login('admin', ADMIN_PASSWORD);
      const street = await server.login('bench_street', 'bench-street-password');
      const idle = server.peakRssMb();
      const r = await probeExport(server, {
        path: `/api/problems/export?list=${values.list}`,
        cookie: admin,
        streetCookie: street,
      });
      console.log(`${'what'.padEnd(52)}${'seconds'.padStart(9)}${'MB'.padStart(9)}`);
      console.log(
        `${`reference: bare driver reads the rows ×${SHEETS} (${ref.rows.toLocaleString()})`.padEnd(52)}${fmt(ref.seconds, 1)}`,
      );
      console.log(
        `${`admin export list=${values.list} (HTTP ${r.status})`.padEnd(52)}${fmt(r.seconds, 1)}${fmt(r.bytes / 1_048_576, 1)}`,
      );
      console.log(
        `${'server peak RSS (VmHWM): idle → after export'.padEnd(52)}${fmt(idle)}${fmt(r.peakRssMb)}`,
      );
      console.log(
        `${'latency while exporting'.padEnd(30)}${'n'.padStart(7)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}`,
      );
      for (const [name, l] of [
        ['/api/health', r.health],
        ['street GET /api/problems?page=1', r.streetPage],
        ['idle (reference): /api/health', r.idle.health],
        ['idle (reference): street page', r.idle.streetPage],
      ] as const)
        console.log(`${name.padEnd(30)}${String(l.n).padStart(7)}${fmt(l.p50)}${fmt(l.p99)}${fmt(l.max)}`);
    } finally {
      await server.stop();
    }
  } finally {
    await prepared.drop();
  }
}
