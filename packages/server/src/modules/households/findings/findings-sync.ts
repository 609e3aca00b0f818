// Findings → the findings registry → the problem ledger. One finding per key per campaign, kept
// across runs; a run that no longer finds it resolves it and marks its problem
// screening_cleared_at (only then may the office close it out); a finding that comes back
// un-clears it — and reopens it if it had been closed out. Ledger writes are set-based
// (ledger.repository.ts).
import { type RuleId, screeningRule } from '@paicha/core';
import type { SyncCounts } from '@paicha/core/api/screening';
import type { DialectName } from '../../../db/database.js';
import type { Executor } from '../../../db/transaction.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { resolvePlace } from '../places/places.js';
import * as findings from './findings.repository.js';
import { noticeFiledFindings } from './findings-notices.js';
import { moveProblemsOfPlace, syncLedger, unitName } from './ledger.repository.js';
import type { Routed, RunRef } from './types.js';

export async function syncFindings(
  trx: Executor,
  run: RunRef & { id: number; dialect: DialectName },
  found: Routed[],
  rulesRun: readonly RuleId[],
): Promise<SyncCounts> {
  const existing = new Map(
    (await findings.campaignFindings(trx, run.campaignId)).map((f) => [f.finding_key, f]),
  );
  const current = new Set(found.map((f) => f.key));
  const fresh = found.filter((f) => !existing.has(f.key));
  const reappeared = found.filter((f) => existing.get(f.key)?.resolved_at);
  const ruleSet = new Set(rulesRun);
  // Only rules that ran can clear their findings: a disabled or uncheckable rule proves nothing.
  const gone = [...existing.values()].filter(
    (f) => !f.resolved_at && ruleSet.has(f.rule_id) && !current.has(f.finding_key),
  );
  const { id: runId, campaignId, at } = run;

  await findings.insertFindings(
    trx,
    fresh.map((f) => ({
      campaign_id: campaignId,
      finding_key: f.key,
      rule_id: f.rule,
      check_item: screeningRule(f.rule).checkItem,
      unit_id: f.unitId,
      township: f.township,
      village: f.village,
      household_id: f.householdId,
      id_number: f.rawId,
      person_name: f.name,
      detail: f.detail,
      data: JSON.stringify(f.data),
      first_run_id: runId,
      last_run_id: runId,
      created_at: at,
      updated_at: at,
    })),
  );
  await findings.resolveFindings(
    trx,
    gone.map((g) => g.id),
    { id: runId, at },
  );
  for (const f of reappeared)
    await findings.reopenFinding(trx, campaignId, {
      key: f.key,
      detail: f.detail,
      data: JSON.stringify(f.data),
      at,
    });
  // Still found: stamp the run (the new ones already carry it).
  if (rulesRun.length > 0) await findings.stampRun(trx, campaignId, rulesRun, runId);
  // A place the office mapped since the finding was first made routes it now.
  for (const f of found.filter((x) => x.unitId !== null && existing.has(x.key)))
    await findings.routeFinding(trx, campaignId, f.key, f.unitId as number);

  if (run.dialect === 'postgres') await findings.analyzeFindings(trx);
  const ledger = await syncLedger(trx, run);
  // The streets given work by this run: findings new to them, found again, or routed to them now.
  const perUnit = new Map<number, number>();
  for (const f of found) {
    const before = existing.get(f.key);
    const given = !before || before.resolved_at !== null || before.unit_id !== f.unitId;
    if (f.unitId !== null && given) perUnit.set(f.unitId, (perUnit.get(f.unitId) ?? 0) + 1);
  }
  await noticeFiledFindings(trx, run, perUnit);
  return {
    new: fresh.length,
    stillOpen: found.length - fresh.length - reappeared.length,
    reappeared: reappeared.length,
    resolved: gone.length,
    ...ledger,
  };
}

/**
 * After the office maps (or re-maps) a place: its unrouted findings get the street and their
 * problems; open findings routed to another street move, and so do their ledger problems that are
 * not yet closed out — as a 交办 in each problem's history, so the old street sees where it went.
 * Closed problems and cleared findings stay where they were dealt with.
 */
export async function routeFindings(
  trx: Executor,
  place: string,
  unitId: number,
  at: string,
  actorId: number | null,
  today: string,
): Promise<number> {
  const name = await unitName(trx, unitId);
  await moveProblemsOfPlace(trx, { place, unitId, unitName: name, at, actorId, today });
  const routed = await findings.routePlace(trx, place, unitId, at);
  for (const campaignId of await findings.campaignsWithPlace(trx, place))
    await syncLedger(trx, { id: null, campaignId, at, actorId, today });
  return routed;
}

/** The office maps a place name to a street: the name's findings and their problems follow. */
export function mapPlaceToStreet(ctx: AppContext, actor: Actor, placeId: number, unitId: number) {
  return resolvePlace(ctx, actor, { id: placeId, unitId }, (trx, place, street, at) =>
    routeFindings(trx, place, street, at, actor.userId, ctx.clock.today()),
  );
}
