// The ledger's office settings (立行立改期限), stored as JSON in settings. Read by the problem
// services when a 立行立改 problem arrives without a deadline; changed by the office with its
// audit row in the same transaction.
import { DEFAULT_IMMEDIATE_DAYS } from '@paicha/core';
import type { LedgerSettings } from '@paicha/core/api/settings';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from './settings.repository.js';

const KEY = 'ledger';

export async function readLedgerSettings(db: Executor): Promise<LedgerSettings> {
  const stored = await readSetting<Partial<LedgerSettings>>(db, KEY, {});
  return {
    immediateDays: stored.immediateDays ?? DEFAULT_IMMEDIATE_DAYS,
    immediateWorkingDays: stored.immediateWorkingDays ?? false,
  };
}

export async function saveLedgerSettings(
  ctx: AppContext,
  actor: Actor,
  settings: LedgerSettings,
): Promise<LedgerSettings> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readLedgerSettings(trx);
    await writeSetting(trx, KEY, settings, actor.userId, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'settings.ledger',
      entity: 'settings',
      entityId: KEY,
      detail: { before, after: settings },
      at,
    });
  });
  return readLedgerSettings(ctx.db);
}
