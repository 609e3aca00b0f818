// Tampering with the audit log as someone who can write the database (but not the key file) would:
// each attempt is caught by the service, by `paicha audit verify` (exit 1) and by the office's status.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditCommand } from '../../cli/audit-command.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { appendAudit } from './audit.repository.js';
import { GENESIS, legacyHash } from './audit-chain.js';
import { advanceAuditCheckpoint, verifyAudit } from './audit-verify.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/paicha.mjs');

type CliResult = { code: number; result: { ok: boolean; failure: unknown } };

/** `paicha audit verify --json` as the command runs it, in this process (a spawn costs seconds). */
async function cliVerify(t: TestApp): Promise<CliResult> {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await auditCommand(['verify', '--json'], t.ctx.config);
    return { code, result: JSON.parse(String(out.mock.calls.at(-1)?.[0])) };
  } finally {
    out.mockRestore();
  }
}

/** The same through the package bin, in its own process. */
async function binVerify(t: TestApp): Promise<CliResult> {
  const env = {
    ...process.env,
    PAICHA_DATA_DIR: t.ctx.config.dataDir,
    DATABASE_URL: t.ctx.config.databaseUrl ?? '',
    PAICHA_ADMIN_PASSWORD: ADMIN_PASSWORD,
  };
  try {
    const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify', '--json'], { env });
    return { code: 0, result: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, result: JSON.parse(e.stdout.trim().split('\n').at(-1) ?? '{}') };
  }
}

async function append(t: TestApp, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.ctx.db.transaction().execute((trx) =>
      appendAudit(trx, t.ctx.dialect, {
        actorId: null,
        action: 'test.write',
        entity: 'test',
        entityId: i,
        detail: { i },
        at: t.ctx.clock.now().toISOString(),
      }),
    );
  }
}

async function ids(t: TestApp): Promise<number[]> {
  return (await t.ctx.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
}

describe.each(DIALECTS)('tamper-evident audit log on %s', (dialect) => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('verifies a clean log, signs a checkpoint, and shows the office its status', async () => {
    t = await startTestApp(dialect);
    await append(t, 5);
    const admin = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.request('GET', '/api/audit/status', admin)).json()).toMatchObject({ state: 'unchecked' });
    const verified = await t.request('POST', '/api/audit/verify', admin);
    const all = await ids(t);
    expect(verified.json()).toMatchObject({
      state: 'ok',
      rows: all.length,
      lastId: all.at(-1),
      failure: null,
    });
    expect((await t.request('GET', '/api/audit/status', admin)).json()).toMatchObject({ state: 'ok' });
    const reporter = await t.userIn('区财政局', 'reporter');
    expect((await t.request('GET', '/api/audit/status', reporter.cookie)).statusCode).toBe(403);
    expect((await t.request('POST', '/api/audit/verify', reporter.cookie)).statusCode).toBe(403);

    const cli = await cliVerify(t);
    expect(cli.code).toBe(0);
    expect(cli.result).toMatchObject({ ok: true, failure: null });
    // The CLI signed the rows it saw; new rows are checked from there on.
    await append(t, 2);
    const v = await advanceAuditCheckpoint(t.ctx);
    expect(v).toMatchObject({ ok: true, rows: 3, lastId: (await ids(t)).at(-1) });
  }, 60_000);

  it('detects a row edited in the database', async () => {
    t = await startTestApp(dialect);
    await append(t, 5);
    const target = (await ids(t))[3] as number;
    await t.ctx.db.updateTable('audit_log').set({ detail: '{"i":99}' }).where('id', '=', target).execute();
    const v = await verifyAudit(t.ctx);
    expect(v.ok).toBe(false);
    expect(v.failure?.id).toBe(target);
    expect(v.failure?.reason).toContain('内容与哈希不符');
    const cli = await binVerify(t);
    expect(cli.code).toBe(1);
    expect(cli.result.failure).toMatchObject({ id: target });
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const status = (await t.request('POST', '/api/audit/verify', admin)).json();
    expect(status).toMatchObject({ state: 'failed', failure: { id: target } });
  }, 60_000);

  it('detects every row re-chained with plain SHA-256 after an edit', async () => {
    t = await startTestApp(dialect);
    await append(t, 5);
    const rows = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    let prev = GENESIS;
    for (const r of rows) {
      const detail = r.id === rows[2]?.id ? '{"i":"forged"}' : r.detail;
      const hash = legacyHash({ ...r, detail, prev_hash: prev });
      await t.ctx.db
        .updateTable('audit_log')
        .set({ detail, prev_hash: prev, hash })
        .where('id', '=', r.id)
        .execute();
      prev = hash;
    }
    const v = await verifyAudit(t.ctx);
    expect(v.ok).toBe(false);
    expect(v.failure?.id).toBe(rows[0]?.id);
    const cli = await cliVerify(t);
    expect(cli.code).toBe(1);
    expect(cli.result.failure).toMatchObject({ id: rows[0]?.id });
  }, 60_000);

  it('detects a deleted tail, even after the application appends again', async () => {
    t = await startTestApp(dialect);
    await append(t, 6);
    await advanceAuditCheckpoint(t.ctx);
    const all = await ids(t);
    const signed = all.at(-1) as number;
    await t.ctx.db
      .deleteFrom('audit_log')
      .where('id', '>', all.at(-4) as number)
      .execute();
    const v = await verifyAudit(t.ctx);
    expect(v).toMatchObject({ ok: false, failure: { id: signed } });
    expect(v.failure?.reason).toContain('日志尾部被删除');
    // New rows chain onto the truncated log (on SQLite they even reuse the deleted ids).
    await append(t, 4);
    expect((await advanceAuditCheckpoint(t.ctx)).ok).toBe(false);
    const cli = await cliVerify(t);
    expect(cli.code).toBe(1);
    expect(cli.result.failure).toMatchObject({ id: signed });
  }, 60_000);
});
