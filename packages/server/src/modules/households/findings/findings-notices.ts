// The 交办 a screening run makes: every street whose ledger got findings from the run (new, found
// again, or routed to it now) is told in the run's own transaction, like any other hand-off — one
// notice per street (notifications/notices-households.ts says how it reads), mailed after the run
// commits when mail is on.
import type { Executor } from '../../../db/transaction.js';
import { writeNoticesBy } from '../../notifications/notices.js';
import { findingsFiled } from '../../notifications/notices-households.js';
import { openGroupsOf } from './ledger.repository.js';
import type { RunRef } from './types.js';

export async function noticeFiledFindings(
  trx: Executor,
  run: RunRef,
  perUnit: ReadonlyMap<number, number>,
): Promise<void> {
  const unitIds = [...perUnit.keys()];
  if (unitIds.length === 0) return;
  const groups = await openGroupsOf(trx, run.campaignId, unitIds);
  const notices = unitIds.flatMap((unitId) => {
    const notice = findingsFiled(
      run,
      unitId,
      perUnit.get(unitId) ?? 0,
      groups.filter((g) => g.unitId === unitId),
    );
    return notice ? [notice] : [];
  });
  await writeNoticesBy(trx, { userId: run.actorId, at: run.at }, notices);
}
