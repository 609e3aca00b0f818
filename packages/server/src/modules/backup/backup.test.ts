// `paicha backup` run as a separate process while the office keeps filing problems, restored into a
// fresh data dir and database: every problem has its audit row and event, the uploaded file is
// back, and the audit log verifies against the checkpoint that travelled with it.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreCommand } from '../../cli/backup-command.js';
import { type Config, loadConfig } from '../../kernel/config.js';
import { openRuntime } from '../../runtime.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/databases.js';
import { tinyPng, upload } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { firstCampaignId, problemBody } from '../../test/problems.js';
import { verifyAudit } from '../audit/audit-verify.js';
import { blobPath } from '../files/storage.js';
import { createArchive } from './archive.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';

const run = promisify(execFile);

/** Problems a copied SQLite file holds on its own (0 when even the table is only in the WAL). */
function problemsIn(file: string): number {
  const db = new SQLite(file);
  try {
    return (db.prepare('select count(*) as n from problems').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}
const BIN = path.resolve(import.meta.dirname, '../../../bin/paicha.mjs');

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  let t: TestApp | undefined;
  let target: TestDatabase | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await t?.close();
    await target?.drop();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    t = undefined;
    target = undefined;
  });
  const scratch = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'paicha-backup-test-'));
    dirs.push(d);
    return d;
  };

  it('restores a backup taken under concurrent writes to a consistent database whose audit log verifies', async () => {
    const app = await startTestApp(dialect);
    t = app;
    const admin = await app.login('admin', ADMIN_PASSWORD);
    const campaignId = await firstCampaignId(app, admin);
    const reporter = await app.userIn('中云街道', 'reporter');
    const uploaded = (await upload(app, reporter.cookie, '现场.png', tinyPng(), 'image/png')).json();

    if (dialect === 'sqlite') {
      // Keep every new write in the WAL, as a busy server does between checkpoints: a plain copy
      // of paicha.sqlite misses all of it (the defect), the backup must not.
      await sql`pragma wal_autocheckpoint = 0`.execute(app.ctx.db);
    }
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        const res = await app.request('POST', '/api/problems', reporter.cookie, problemBody(campaignId));
        if (res.statusCode !== 200) throw new Error(`write failed: ${res.statusCode} ${res.body}`);
        written++;
      }
    })();
    while (written < 3) await new Promise((r) => setTimeout(r, 20));
    const out = path.join(scratch(), '备份.tar.gz');
    const env = {
      ...process.env,
      PAICHA_DATA_DIR: app.ctx.config.dataDir,
      DATABASE_URL: app.ctx.config.databaseUrl ?? '',
    };
    const writtenBefore = written;
    const plainCopy = path.join(scratch(), 'copy.sqlite');
    if (dialect === 'sqlite') copyFileSync(path.join(app.ctx.config.dataDir, 'paicha.sqlite'), plainCopy);
    await run(process.execPath, [BIN, 'backup', '--out', out], { env });
    const writtenAfter = written;
    stop = true;
    await writer;
    // The backup ran while problems were being filed: some before it, some during it.
    expect(writtenAfter).toBeGreaterThan(writtenBefore);

    target = await createTestDatabase(dialect);
    const config: Config = { ...app.ctx.config, dataDir: target.dataDir, databaseUrl: target.databaseUrl };
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await restoreCommand([out, '--json'], config).finally(() => log.mockRestore());
    expect(code).toBe(0);

    const restored = await openRuntime({ config });
    try {
      const { db } = restored.ctx;
      expect(await verifyAudit(restored.ctx)).toMatchObject({ ok: true, failure: null });
      const problems = await db.selectFrom('problems').select('id').execute();
      const audited = await db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'problem')
        .where('action', '=', 'problem.created')
        .execute();
      const events = await db
        .selectFrom('problem_events')
        .select('problem_id')
        .where('kind', '=', 'created')
        .execute();
      const ids = problems.map((p) => String(p.id)).sort();
      expect(audited.map((a) => a.entity_id).sort()).toEqual(ids);
      expect(events.map((e) => String(e.problem_id)).sort()).toEqual(ids);
      expect(problems.length).toBeGreaterThanOrEqual(writtenBefore);
      expect(problems.length).toBeLessThanOrEqual(writtenAfter + 1);
      expect(existsSync(blobPath(target.dataDir, uploaded.sha256))).toBe(true);
      if (dialect === 'sqlite') expect(problemsIn(plainCopy)).toBeLessThan(writtenBefore);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses to restore while a server holds the data dir or, on PostgreSQL, anyone is connected', async () => {
    const app = await startTestApp(dialect);
    t = app;
    const out = path.join(scratch(), 'b.tar.gz');
    await createBackup(app.ctx.config, out);
    target = await createTestDatabase(dialect);
    const config: Config = { ...app.ctx.config, dataDir: target.dataDir, databaseUrl: target.databaseUrl };

    const mark = path.join(target.dataDir, `server.${process.pid}.pid`);
    writeFileSync(mark, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '' }));
    await expect(restoreBackup(config, out)).rejects.toThrow('服务正在使用此数据目录');
    rmSync(mark);
    // A mark left by a process that is gone (killed) does not block.
    writeFileSync(
      path.join(target.dataDir, 'server.999999999.pid'),
      JSON.stringify({ pid: 999_999_999, host: hostname() }),
    );

    if (target.databaseUrl) {
      const other = new pg.Client({
        connectionString: target.databaseUrl,
        application_name: 'paicha-server',
      });
      await other.connect();
      await expect(restoreBackup(config, out)).rejects.toThrow('paicha-server');
      await other.end();
    }
    const r = await restoreBackup(config, out);
    expect(r.manifest.dialect).toBe(dialect);
  }, 120_000);
});

describe('a hostile or foreign archive', () => {
  it('is refused before anything in the data dir changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paicha-restore-hostile-'));
    try {
      const dataDir = path.join(dir, 'data');
      const config: Config = { ...loadConfig({ NODE_ENV: 'test' }), dataDir, databaseUrl: null };
      const evil = path.join(dir, 'evil.tar.gz');
      const a = createArchive(evil);
      await a.addBuffer('manifest.json', Buffer.from('{}'));
      await a.addBuffer('../escaped.txt', Buffer.from('x'));
      await a.finish();
      await expect(restoreBackup(config, evil)).rejects.toThrow('不允许的条目');
      expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);

      const foreign = path.join(dir, 'foreign.tar.gz');
      const b = createArchive(foreign);
      await b.addBuffer('readme.txt', Buffer.from('not a backup'));
      await b.finish();
      await expect(restoreBackup(config, foreign)).rejects.toThrow('不是 paicha 备份文件');
      writeFileSync(path.join(dir, 'garbage.tar.gz'), 'garbage');
      await expect(restoreBackup(config, path.join(dir, 'garbage.tar.gz'))).rejects.toThrow(
        '无法读取备份文件',
      );
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
