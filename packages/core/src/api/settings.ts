// Office settings of the ledger (/api/settings/ledger).
import { z } from 'zod';
import { Int } from './integers.js';

export const LedgerSettings = z.object({
  /** 立行立改期限（天）: a 立行立改 problem recorded without a deadline is due this many days after it was recorded. */
  immediateDays: Int(1, 365, '应为 1 到 365 之间的天数'),
  /** Count the 立行立改期限 in working days (the 节假日 calendar) instead of calendar days. */
  immediateWorkingDays: z.boolean().default(false),
});
export type LedgerSettings = z.infer<typeof LedgerSettings>;
