// The server's side of the audit log: verification after start-up (logged, shown to the office),
// the checkpoint moved forward on a timer, and two processes appending to one database and
// signing one shared checkpoint without tripping over each other.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../kernel/context.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { appendAudit, lastAuditRow } from './audit.repository.js';
import { readCheckpoint } from './audit-checkpoint.js';
import { auditKeyOf } from './audit-key.js';
import { auditStatus, startAuditMonitor } from './audit-monitor.js';
import { advanceAuditCheckpoint, verifyAudit } from './audit-verify.js';

const append = (ctx: AppContext, i: number) =>
  ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.dialect, {
      actorId: null,
      action: 'test.write',
      entity: 'test',
      entityId: i,
      at: ctx.clock.now().toISOString(),
    }),
  );

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(DIALECTS)('audit log in a running server on %s', (dialect) => {
  let t: TestApp;
  let second: Runtime | undefined;
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await t.close();
  });

  it('verifies after start-up, logs it, signs new rows on its timer and logs a failure once', async () => {
    t = await startTestApp(dialect);
    const ctx: AppContext = { ...t.ctx, config: { ...t.ctx.config, auditCheckpointSeconds: 0.05 } };
    const logged: string[] = [];
    const stop = startAuditMonitor(ctx, { info: (m) => logged.push(m), error: (m) => logged.push(m) });
    try {
      await until(() => auditStatus(ctx).state === 'ok');
      expect(logged[0]).toContain('审计日志校验通过');
      for (let i = 0; i < 3; i++) await append(ctx, i);
      const last = await lastAuditRow(ctx.db);
      await until(() => auditStatus(ctx).lastId === last?.id);
      const cp = readCheckpoint(ctx.config.dataDir, auditKeyOf(ctx.db));
      expect(cp).toEqual({ state: 'ok', anchor: last });

      await ctx.db
        .deleteFrom('audit_log')
        .where('id', '=', last?.id ?? 0)
        .execute();
      await until(() => auditStatus(ctx).state === 'failed');
      expect(auditStatus(ctx).failure?.id).toBe(last?.id);
      await new Promise((r) => setTimeout(r, 200));
      expect(logged.filter((m) => m.includes('校验失败'))).toHaveLength(1);
    } finally {
      stop();
    }
  }, 60_000);

  it('two processes appending to one database keep one chain and one checkpoint', async () => {
    t = await startTestApp(dialect);
    second = await openRuntime({ config: t.ctx.config, clock: t.clock });
    const other = second.ctx;
    // Both write and both sign, interleaved, as two server processes on one PostgreSQL do. (Two
    // SQLite connections cannot both hold write transactions that read first — SQLite answers
    // "database is locked" — so there they take turns, as a server and a CLI command mostly do.)
    const writer = (ctx: AppContext, signAt: number) => async () => {
      for (let i = 0; i < 15; i++) {
        await append(ctx, i);
        if (i % 5 === signAt) await advanceAuditCheckpoint(ctx);
      }
    };
    const first = writer(t.ctx, 4);
    const next = writer(other, 2);
    if (dialect === 'postgres') await Promise.all([first(), next()]);
    else for (const w of [first, next, first]) await w();
    await advanceAuditCheckpoint(other);
    const v = await verifyAudit(t.ctx);
    expect(v).toMatchObject({ ok: true, failure: null, lastId: (await lastAuditRow(t.ctx.db))?.id });
    expect(await t.login('admin', ADMIN_PASSWORD)).toContain('paicha_session=');
  }, 60_000);
});
