// Findings → the findings registry → the problem ledger. One finding per key per campaign, kept
// across runs; a run that no longer finds it resolves it and marks its problem
// screening_cleared_at (only then may the office close it out); a finding that comes back
// un-clears it — and reopens it if it had been closed out. Ledger writes are set-based
// (ledger.repository.ts).
import type { RuleId } from '@paicha/core';
import type { SyncCounts } from '@paicha/core/api/screening';
import type { DialectName } from '../../../db/database.js';
import type { Executor } from '../../../db/transaction.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { ruleItems } from '../../campaigns/rule-items.repository.js';
import { byWhom } from '../../notifications/notices.js';
import { resolvePlace } from '../places/places.js';
import * as findings from './findings.repository.js';
import { noticeFiledFindings, noticePlaceMove } from './findings-notices.js';
import {
  moveProblemsOfPlace,
  placeGroupsOf,
  placeHolders,
  syncLedger,
  unitName,
} from './ledger.repository.js';
import * as filing from './run-filing.repository.js';
import type { RunRef } from './types.js';

/**
 * Files the run's findings (screening_run_findings of `run.id`, written by the run) into the
 * registry, set-based: no finding passes through JavaScript, so a run's memory does not grow with
 * how many it found.
 */
export async function syncFindings(
  trx: Executor,
  run: RunRef & { id: number; dialect: DialectName },
  rulesRun: readonly RuleId[],
): Promise<SyncCounts & { findings: number; unrouted: number }> {
  const { id: runId, campaignId, at } = run;
  // The streets given work by this run — findings new to them, found again, or routed to them
  // now — read before the registry changes.
  const perUnit = await filing.givenPerUnit(trx, campaignId, runId);
  const totals = await filing.runTotals(trx, runId);
  // Only rules that ran can clear their findings: a disabled or uncheckable rule proves nothing.
  const resolved = await filing.resolveGone(trx, campaignId, { id: runId, at }, rulesRun);
  const reappeared = await filing.reopenFound(trx, campaignId, runId, at);
  // Still found: stamp the run (the new ones will carry it).
  if (rulesRun.length > 0) await findings.stampRun(trx, campaignId, rulesRun, runId);
  // A place the office mapped since the finding was first made routes it now.
  await filing.routeFound(trx, campaignId, runId);
  // The findings new to the registry are written by the ledger sync, into their groups.
  let fresh = 0;
  const ledger = await syncLedger(trx, run, {
    groups: filing.arrivingGroups(campaignId, runId),
    file: async () => {
      fresh = await filing.insertNewFindings(trx, campaignId, runId, at);
      if (run.dialect === 'postgres') await findings.analyzeFindings(trx);
    },
  });
  // Findings show their rule's item's 序号 of today (0: the rule has no item; they wait for one).
  const seqOf = new Map((await ruleItems(trx, campaignId)).map((m) => [m.ruleId, m.seq]));
  await findings.renumberFindings(trx, campaignId, seqOf, rulesRun);
  await noticeFiledFindings(trx, run, perUnit);
  return {
    ...totals,
    new: fresh,
    stillOpen: totals.findings - fresh - reappeared,
    reappeared,
    resolved,
    ...ledger,
  };
}

/** A place name (re)mapped to a street, by whom (null: a job) and when. */
export interface PlaceMapping {
  place: string;
  unitId: number;
  at: string;
  today: string;
  actor: Actor | null;
}

/**
 * After the office maps (or re-maps) a place: its unrouted findings get the street and their
 * problems; open findings routed to another street move, and so do their ledger problems that are
 * not yet closed out — as a 交办 in each problem's history, so the old street sees where it went.
 * Closed problems and cleared findings stay where they were dealt with. The street receiving them
 * and each street losing some are notified in the same transaction.
 */
export async function routeFindings(trx: Executor, m: PlaceMapping): Promise<number> {
  const { place, unitId, at, today } = m;
  const actorId = m.actor?.userId ?? null;
  const name = await unitName(trx, unitId);
  const holders = await placeHolders(trx, place, unitId);
  await moveProblemsOfPlace(trx, { place, unitId, unitName: name, at, actorId, today });
  const routed = await findings.routePlace(trx, place, unitId, at);
  for (const campaignId of await findings.campaignsWithPlace(trx, place))
    await syncLedger(trx, { id: null, campaignId, at, actorId, today });
  const groups = routed > 0 ? await placeGroupsOf(trx, place, unitId) : [];
  const by = { userId: actorId, name: m.actor ? byWhom(m.actor) : '办公室', at, today };
  await noticePlaceMove(trx, by, { place, unitId, unitName: name, routed, holders, groups });
  return routed;
}

/** The office maps a place name to a street: the name's findings and their problems follow. */
export function mapPlaceToStreet(ctx: AppContext, actor: Actor, placeId: number, unitId: number) {
  return resolvePlace(ctx, actor, { id: placeId, unitId }, (trx, place, street, at) =>
    routeFindings(trx, { place, unitId: street, at, today: ctx.clock.today(), actor }),
  );
}
