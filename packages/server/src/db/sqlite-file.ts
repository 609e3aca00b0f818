import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/** The file behind the app's SQLite connection (a worker thread opens its own connection to it). */
export async function sqliteFile(ctx: { db: Kysely<DB> }): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(ctx.db);
  const main = rows.find((r) => r.name === 'main');
  if (!main?.file) throw new Error('SQLite database has no file');
  return main.file;
}
