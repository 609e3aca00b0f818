// An admin's ledger export from a real server process: its peak memory does not grow with the
// ledger (the export streams), and the health check and a street's first ledger page keep being
// answered within 300 ms p99 while it runs (or 4× the idle p99 on a loaded machine). Measured at
// two ledger sizes on both databases; the full-size check (400,000 problems) is
// `npm run bench:export`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { DIALECTS } from '../../test/databases.js';
import { probeExport } from '../../test/export-probe.js';
import { ADMIN_PASSWORD } from '../../test/harness.js';
import { type PreparedDatabase, prepareDatabase, type SpawnedServer } from '../../test/spawned-server.js';
import { findUnitByName } from '../units/units.repository.js';
import { createUser } from '../users/users.service.js';

const SMALL = 8_000;
const LARGE = 48_000;
/**
 * The workbook built in memory took this server from 221 MB to 1,013 MB peak (and answered
 * nothing for 75 s) on the 48,000-problem export; streamed, the peak stays within tens of MB.
 */
const MAX_GROWTH_MB = 120;
/** The issue's target for other users' requests while an export runs. */
const P99_MS = 300;
/** On a machine slower than the target when idle: at most this many times its idle p99. */
const IDLE_FACTOR = 4;

describe.each(DIALECTS)('an admin export from a server process on %s', (dialect) => {
  let db: PreparedDatabase;
  let server: SpawnedServer | undefined;

  beforeAll(async () => {
    db = await prepareDatabase(dialect);
    await db.withContext(async (ctx) => {
      await seedBulkProblems(ctx, SMALL);
      const unit = await findUnitByName(ctx.db, '中云街道');
      if (!unit) throw new Error('no 中云街道');
      await createUser(ctx, null, {
        username: 'street_reporter',
        displayName: '中云街道填报员',
        unitId: unit.id,
        role: 'reporter',
        password: 'street-reporter-password',
      });
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('streams with flat memory while health and a street page keep answering (300 ms p99, or 4× idle on a loaded machine)', {
    timeout: 300_000,
  }, async () => {
    const started = await db.start();
    server = started;
    const admin = await started.login('admin', ADMIN_PASSWORD);
    const street = await started.login('street_reporter', 'street-reporter-password');
    const probe = () =>
      probeExport(started, {
        path: '/api/problems/export?list=problems',
        cookie: admin,
        streetCookie: street,
        gapMs: 40,
        // Long enough for a p99 of the idle reference that is not just its one slowest answer.
        idleMs: 3000,
      });

    const small = await probe();
    expect(small.status).toBe(200);
    // More problems filed while the server runs; the same export again, six times the rows.
    await db.withContext((ctx) => seedBulkProblems(ctx, LARGE - SMALL));
    const large = await probe();
    expect(large.status).toBe(200);
    expect(large.bytes).toBeGreaterThan(small.bytes * 4);

    const report = (name: string, p: typeof small) =>
      `${name}: ${p.seconds.toFixed(1)} s, ${(p.bytes / 1_048_576).toFixed(1)} MB, peak RSS ${p.peakRssMb.toFixed(0)} MB, ` +
      `health p99 ${p.health.p99.toFixed(0)} ms (idle ${p.idle.health.p99.toFixed(0)}), ` +
      `street page p99 ${p.streetPage.p99.toFixed(0)} ms (idle ${p.idle.streetPage.p99.toFixed(0)})`;
    console.log(`${dialect}\n  ${report(`${SMALL}`, small)}\n  ${report(`${LARGE}`, large)}`);

    expect(large.peakRssMb - small.peakRssMb).toBeLessThan(MAX_GROWTH_MB);
    expect(large.peakRssMb).toBeLessThan(600);
    // Latency is judged on the large export (the small one warms the server up), against the
    // issue's target: health and a street's page under 300 ms p99 while it runs. A loaded CI
    // machine (other jobs on the same cores) can be slower than that with no export at all, so
    // the same requests are timed on the idle server just before, in the same run, and the bar
    // is the larger of 300 ms and four times that idle p99: on a machine whose idle p99 is under
    // 75 ms this is exactly the target; on a busier one the export may cost at most a factor four
    // over what the machine gives anyway — never the stalls of an export on the server's thread
    // (the in-memory workbook answered nothing for 75 s at this size). Four, not less: the idle
    // p99 comes from a few dozen answers, and on a 2-core machine at load 20 a PostgreSQL street
    // page measured 349 ms during the export against 115 ms idle (SQLite 177 against 198).
    expect(large.health.n).toBeGreaterThan(10);
    for (const [name, during, idle] of [
      ['health', large.health, large.idle.health],
      ['street page', large.streetPage, large.idle.streetPage],
    ] as const)
      expect(during.p99, `${name} p99 during the export (idle p99 ${idle.p99.toFixed(0)} ms)`).toBeLessThan(
        Math.max(P99_MS, IDLE_FACTOR * idle.p99),
      );
  });
});
