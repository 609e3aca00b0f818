// A database from before the audit key: its rows keep their plain SHA-256 chain, are sealed once
// by the first start with a key, and re-chaining them afterwards is still caught. A process with
// another key refuses to start rather than write rows nobody can verify.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openRuntime } from '../../runtime.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/databases.js';
import { testConfig } from '../../test/harness.js';
import { appendAudit } from './audit.repository.js';
import { GENESIS, legacyHash } from './audit-chain.js';
import { verifyAudit } from './audit-verify.js';

describe.each(DIALECTS)('an audit log older than its key on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it('seals the old rows once, verifies them and the new ones, and catches them re-chained', async () => {
    database = await createTestDatabase(dialect);
    const config = testConfig(database);
    // Rows as the release before the key wrote them.
    const old = openDatabase(config);
    await migrateToLatest(old.db, old.dialect);
    const legacy = async (detail: string, prev: string) => {
      const row = {
        at: '2019-12-01T00:00:00.000Z',
        actor_id: null,
        action: 'old',
        entity: 'x',
        entity_id: null,
        detail,
      };
      const hash = legacyHash({ ...row, prev_hash: prev });
      await old.db
        .insertInto('audit_log')
        .values({ ...row, prev_hash: prev, hash })
        .execute();
      return hash;
    };
    let prev = GENESIS;
    for (let i = 0; i < 4; i++) prev = await legacy(`{"i":${i}}`, prev);
    await old.destroy();

    const runtime = await openRuntime({ config });
    const { ctx } = runtime;
    try {
      const seal = await ctx.db.selectFrom('audit_seal').selectAll().executeTakeFirstOrThrow();
      expect(seal.legacy_last_hash).toBe(prev);
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, ctx.dialect, {
          actorId: null,
          action: 'new',
          entity: 'x',
          entityId: 1,
          at: '2020-01-01T00:00:00Z',
        }),
      );
      expect(await verifyAudit(ctx)).toMatchObject({ ok: true, failure: null });

      // Edit an old row and re-chain the old rows the way they were written: the seal holds the old hash.
      const rows = await ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '<=', seal.legacy_last_id)
        .orderBy('id')
        .execute();
      let chain = GENESIS;
      for (const r of rows) {
        const detail = r.id === rows[1]?.id ? '{"i":"forged"}' : r.detail;
        const hash = legacyHash({ ...r, detail, prev_hash: chain });
        await ctx.db
          .updateTable('audit_log')
          .set({ detail, prev_hash: chain, hash })
          .where('id', '=', r.id)
          .execute();
        chain = hash;
      }
      const v = await verifyAudit(ctx);
      expect(v.ok).toBe(false);
      expect(v.failure?.id).toBe(seal.legacy_last_id);
      expect(v.failure?.reason).toContain('封存');
    } finally {
      await runtime.close();
    }

    await expect(
      openRuntime({ config: { ...config, auditKey: 'another-key-another-key-another-key' } }),
    ).rejects.toThrow('审计密钥与数据库不符');
  }, 60_000);
});
