// Opening the database, migrating and seeding: shared by the server and the CLI.

import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type Clock, fixedClock, systemClock } from './kernel/clock.js';
import { type Config, loadConfig } from './kernel/config.js';
import type { AppContext } from './kernel/context.js';
import { AuditKeyPlugin, loadAuditKey } from './modules/audit/audit-key.js';
import { ensureAuditSeal } from './modules/audit/audit-seal.js';
import { advanceAuditCheckpoint } from './modules/audit/audit-verify.js';
import { type SeedResult, seed } from './seed.js';

export interface Runtime {
  ctx: AppContext;
  database: Database;
  seedResult: SeedResult;
  close(): Promise<void>;
}

export async function openRuntime(
  opts: { config?: Config; clock?: Clock; sqliteCacheMb?: number } = {},
): Promise<Runtime> {
  const config = opts.config ?? loadConfig();
  const database = openDatabase({ ...config, sqliteCacheMb: opts.sqliteCacheMb });
  await migrateToLatest(database.db, database.dialect);
  const ctx: AppContext = {
    // Every audit row is HMACed with this key; the handle carries it to appendAudit.
    db: database.db.withPlugin(new AuditKeyPlugin(loadAuditKey(config).key)),
    dialect: database.dialect,
    clock: opts.clock ?? clockOf(config),
    config,
  };
  try {
    await ensureAuditSeal(ctx);
  } catch (err) {
    await database.destroy();
    throw err;
  }
  const seedResult = await seed(ctx);
  const close = async () => {
    // Sign what this process (a CLI command, a server shutting down) wrote; a log that does not
    // verify keeps its old checkpoint, and verification reports it.
    await advanceAuditCheckpoint(ctx).catch((err) => console.error(`审计检查点未能更新：${String(err)}`));
    await database.destroy();
  };
  return { ctx, database, seedResult, close };
}

/** PAICHA_FIXED_TIME=2020-01-03T02:00:00Z pins the clock (see Config.fixedTime); anything unparsable is ignored. */
function clockOf(config: Config): Clock {
  const fixed = config.fixedTime;
  return fixed && !Number.isNaN(Date.parse(fixed)) ? fixedClock(fixed) : systemClock;
}
