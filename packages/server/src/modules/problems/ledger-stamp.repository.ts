import type { Executor } from '../../db/transaction.js';

/** The ledger's change stamp as committed (migration 2026-12-03-017; tally-cache.ts keys on it). */
export async function ledgerStamp(db: Executor): Promise<number> {
  const row = await db.selectFrom('ledger_stamp').select('n').where('id', '=', 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}
