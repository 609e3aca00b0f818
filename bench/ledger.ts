// Ledger benchmark: list / filter / count / export latency at N problems (default 200,000) on
// SQLite and PostgreSQL, through the real HTTP layer, beside the bare driver running the same
// first-page query (the reference floor measured in the same run).
//   npm run bench:ledger -- --rows 200000 [--db sqlite|postgres|both]
import { parseArgs } from 'node:util';
import type { DialectName } from '../packages/server/src/db/database.js';
import { seedBulkProblems } from '../packages/server/src/test/bulk-problems.js';
import { ADMIN_PASSWORD, startTestApp } from '../packages/server/src/test/harness.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    db: { type: 'string', default: 'both' },
    repeat: { type: 'string', default: '5' },
  },
});
const N = Number(values.rows);
const REPEAT = Number(values.repeat);
const dialects: DialectName[] = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db as DialectName];

async function time(fn: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  const runs: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const s = performance.now();
    await fn();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(runs.length / 2)] ?? 0, min: runs[0] ?? 0 };
}

for (const dialect of dialects) {
  const t = await startTestApp(dialect, { now: '2020-03-01T02:00:00Z' });
  try {
    const seconds = await seedBulkProblems(t.ctx, N);
    console.log(
      `\n== ${dialect}: ${N.toLocaleString()} problems inserted in ${seconds.toFixed(1)} s (${Math.round(N / seconds).toLocaleString()} rows/s)`,
    );
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const unit = (await t.request('GET', '/api/units', admin))
      .json()
      .find((u: { name: string }) => u.name === '中云街道');
    const street = await t.userIn('中云街道', 'reporter');
    const get = (cookie: string, url: string) => async () => {
      const res = await t.request('GET', url, cookie);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res;
    };
    const raw = async () =>
      t.ctx.db
        .selectFrom('problems')
        .selectAll()
        .where('campaign_id', '=', 1)
        .orderBy('id', 'desc')
        .limit(20)
        .execute();
    const cases: [string, () => Promise<unknown>][] = [
      ['reference: bare driver, first 20 rows by id', raw],
      ['list page 1 (20, newest first)', get(admin, '/api/problems?pageSize=20')],
      ['list page 1 as a street (own unit only)', get(street.cookie, '/api/problems?pageSize=20')],
      ['filter unit + status', get(admin, `/api/problems?unit=${unit.id}&status=rectifying,returned`)],
      ['filter overdue, sort by deadline', get(admin, '/api/problems?overdue=1&sort=deadline&order=asc')],
      [
        'filter category 三保障 + source 审计',
        get(
          admin,
          `/api/problems?category=${encodeURIComponent('三保障')}&source=${encodeURIComponent('审计')}`,
        ),
      ],
      ['free text q=危房', get(admin, `/api/problems?q=${encodeURIComponent('危房')}`)],
      ['deep page 500 (offset 9,980)', get(admin, '/api/problems?page=500&pageSize=20')],
      ['counts by unit', get(admin, '/api/problems/counts?groupBy=unit')],
      ['counts by item', get(admin, '/api/problems/counts?groupBy=item')],
    ];
    console.log('case'.padEnd(48), 'median ms'.padStart(10), 'min ms'.padStart(10));
    for (const [name, fn] of cases) {
      const r = await time(fn);
      console.log(name.padEnd(48), r.median.toFixed(1).padStart(10), r.min.toFixed(1).padStart(10));
    }
    const exportStart = performance.now();
    const exported = await get(street.cookie, '/api/problems/export?list=all')();
    const exportMs = performance.now() - exportStart;
    const count = (await t.request('GET', '/api/problems?pageSize=1', street.cookie)).json().total;
    console.log(
      `export 3 lists of one street (${count.toLocaleString()} problems, ${(exported.rawPayload.length / 1_048_576).toFixed(1)} MB)`.padEnd(
        48,
      ),
      exportMs.toFixed(0).padStart(10),
    );
  } finally {
    await t.close();
  }
}
