// The 交办 a screening run makes: every street whose ledger got findings from the run (new, found
// again, or routed to it now) is told in the run's own transaction, like any other hand-off — one
// notice per street (notifications/notices-households.ts says how it reads), mailed after the run
// commits when mail is on.
import type { Executor } from '../../../db/transaction.js';
import { writeNoticesBy } from '../../notifications/notices.js';
import {
  findingsFiled,
  placeFindingsReceived,
  placeFindingsTakenAway,
} from '../../notifications/notices-households.js';
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

/** A place re-map's hand-off: what it moved, read before (holders) and after (groups) the move. */
export interface PlaceHandOff {
  place: string;
  unitId: number;
  unitName: string;
  routed: number;
  holders: readonly { unitId: number; problemId: number | null; n: number }[];
  groups: readonly number[];
}

/**
 * The office re-mapping a place name is a 交办 like any other: the street now holding the name's
 * findings gets one notice, each street that lost some gets a 改交 notice, in the mapping's
 * transaction.
 */
export async function noticePlaceMove(
  trx: Executor,
  by: { userId: number | null; name: string; at: string; today: string },
  move: PlaceHandOff,
): Promise<void> {
  const who = { by: by.name, today: by.today, place: move.place };
  const received = placeFindingsReceived(who, move.unitId, move.routed, move.groups);
  const losers = new Map<number, { n: number; groups: number[] }>();
  for (const h of move.holders) {
    const l = losers.get(h.unitId) ?? { n: 0, groups: [] };
    l.n += h.n;
    if (h.problemId !== null) l.groups.push(h.problemId);
    losers.set(h.unitId, l);
  }
  const takenAway = [...losers].map(([unitId, l]) =>
    placeFindingsTakenAway({ ...who, toName: move.unitName }, unitId, l.n, l.groups),
  );
  await writeNoticesBy(trx, { userId: by.userId, at: by.at }, [
    ...takenAway,
    ...(received ? [received] : []),
  ]);
}
