// A run's rules in two lanes, each on a connection of its own, at once: one statement keeps one
// core busy, so on two cores the rules take about the longer lane instead of the sum of both.
// Each lane has its own temporary tables (they are per connection) and stages its own findings;
// the run then gathers them on its own connection (screening.service.ts).
import type { HouseholdSource, RuleId } from '@paicha/core';
import type { Transaction } from 'kysely';
import type { DialectName } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import * as staging from './found-staging.repository.js';
import { ScreeningSql } from './screening.repository.js';
import { RULES, type RuleFn } from './screening-rules.repository.js';

/** A rule the run will run, with its parameters and the campaign item it files under. */
export interface LaneRule {
  id: RuleId;
  params: unknown;
  checkItem: number;
}

/** A rule's findings as its lane staged them: seq first + 1 … first + findings; its milliseconds. */
export interface Staged {
  first: number;
  findings: number;
  ms: number;
}

/**
 * Rules that share a temporary table, built by the first of them that needs it, stay in one lane:
 * split, each lane would build it.
 */
const SHARED: readonly (readonly RuleId[])[] = [
  ['record_missing', 'record_mismatch'], // scr_peer_<source>
  ['medical_insurance_missing', 'medical_insurance_duplicate'], // scr_med
];

/**
 * Each rule's tenths of a second at a million people (bench:screening --screen-only on a quiet
 * machine, read off the runs' own per-rule ms with both lanes running): only their proportions
 * matter. The two databases differ — id_duplicate is 0.3 s on SQLite and 1.6 s on PostgreSQL.
 */
const COST: Record<DialectName, Record<RuleId, number>> = {
  sqlite: {
    record_missing: 27,
    assistance_mismatch: 10,
    medical_insurance_missing: 4,
    medical_insurance_duplicate: 4,
    record_mismatch: 4,
    id_invalid: 3,
    id_duplicate: 3,
    no_safe_water: 3,
    school_age_not_enrolled: 2,
    unsafe_house: 2,
    income_below_line: 1,
    household_head_count: 1,
  },
  postgres: {
    record_missing: 28,
    id_duplicate: 19,
    assistance_mismatch: 10,
    medical_insurance_missing: 8,
    id_invalid: 4,
    no_safe_water: 4,
    unsafe_house: 4,
    medical_insurance_duplicate: 3,
    record_mismatch: 3,
    school_age_not_enrolled: 3,
    income_below_line: 2,
    household_head_count: 1,
  },
};

/**
 * The rules in two lanes: the groups that share a table (else each rule alone), costliest first,
 * each to the lane with less so far. Each lane keeps the rules' own order, so a shared table is
 * built by the same rule as in one lane. The costs above split SQLite's 6.4 s into 3.2 + 3.2 and
 * PostgreSQL's 8.9 s into 4.5 + 4.4.
 */
export function splitLanes<T extends { id: RuleId }>(rules: readonly T[], dialect: DialectName): [T[], T[]] {
  const groups = new Map<string, T[]>();
  for (const r of rules) {
    const key = (SHARED.find((g) => g.includes(r.id)) ?? [r.id]).join();
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const cost = (g: T[]) => g.reduce((n, r) => n + COST[dialect][r.id], 0);
  const load: [number, number] = [0, 0];
  const lanes: [T[], T[]] = [[], []];
  for (const g of [...groups.values()].sort((a, b) => cost(b) - cost(a))) {
    const i: 0 | 1 = load[0] <= load[1] ? 0 : 1;
    lanes[i].push(...g);
    load[i] += cost(g);
  }
  const order = (r: T) => rules.indexOf(r);
  return [lanes[0].sort((a, b) => order(a) - order(b)), lanes[1].sort((a, b) => order(a) - order(b))];
}

/** Whether a lane has failed: the other then stops before its next rule. */
export interface LaneStop {
  failed: boolean;
}

/**
 * One lane's rules, one after another on its connection, each rule's findings staged there as
 * the rule hands them over (numbered in the lane's own order).
 */
export async function runLane(
  trx: Transaction<DB>,
  q: ScreeningSql,
  rules: readonly LaneRule[],
  stop: LaneStop,
): Promise<Map<RuleId, Staged>> {
  const done = new Map<RuleId, Staged>();
  let staged = 0;
  for (const r of rules) {
    if (stop.failed) break;
    const first = staged;
    const start = performance.now();
    await (RULES[r.id].run as RuleFn)(q, r.params, async (page) => {
      staged = await staging.stage(trx, page, r.checkItem, staged);
    });
    done.set(r.id, { first, findings: staged - first, ms: Math.round(performance.now() - start) });
  }
  return done;
}

/**
 * A lane from its start on `trx`: its own roll per household and staging table (temporary tables
 * are per connection), then its rules; `prepared` is when the rules began.
 */
export async function startLane(
  trx: Transaction<DB>,
  imports: Partial<Record<HouseholdSource, number>>,
  dialect: DialectName,
  rules: readonly LaneRule[],
  stop: LaneStop,
): Promise<{ q: ScreeningSql; prepared: number; staged: Map<RuleId, Staged> }> {
  const q = new ScreeningSql(trx, imports, dialect);
  await q.prepareHouseholds();
  await staging.createStaging(trx);
  const prepared = performance.now();
  return { q, prepared, staged: await runLane(trx, q, rules, stop) };
}

/**
 * Both lanes' results once both have stopped: the first failure stops the other lane at its next
 * rule and is thrown only then, so that no connection is closed under a running statement.
 */
export async function bothLanes<A, B>(stop: LaneStop, a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const marked = <T>(p: Promise<T>) =>
    p.catch((err: unknown) => {
      stop.failed = true;
      throw err;
    });
  const [x, y] = await Promise.allSettled([marked(a), marked(b)]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

/**
 * How far each rule's lane numbers move so that the run's findings are numbered in the rules'
 * order, whichever lane found them: a rule's findings follow all those of the rules before it.
 */
export function seqShifts(
  order: readonly RuleId[],
  staged: ReadonlyMap<RuleId, Staged>,
): Map<RuleId, number> {
  const shifts = new Map<RuleId, number>();
  let offset = 0;
  for (const id of order) {
    const s = staged.get(id);
    if (!s) continue;
    shifts.set(id, offset - s.first);
    offset += s.findings;
  }
  return shifts;
}
