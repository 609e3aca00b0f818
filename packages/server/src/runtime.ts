// Opening the database, migrating and seeding: shared by the server and the CLI.
import { type Clock, systemClock } from './clock.js';
import { type Config, loadConfig } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type SeedResult, seed } from './db/seed.js';
import type { AppContext } from './http/context.js';

export interface Runtime {
  ctx: AppContext;
  database: Database;
  seedResult: SeedResult;
  close(): Promise<void>;
}

export async function openRuntime(opts: { config?: Config; clock?: Clock } = {}): Promise<Runtime> {
  const config = opts.config ?? loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  const ctx: AppContext = {
    db: database.db,
    dialect: database.dialect,
    clock: opts.clock ?? systemClock,
    config,
  };
  const seedResult = await seed(ctx);
  return { ctx, database, seedResult, close: () => database.destroy() };
}
