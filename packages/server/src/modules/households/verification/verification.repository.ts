// The queries of a finding's verification: its state and version (changed only by
// compare-and-set on the version, so two clerks' steps on one finding cannot both land), its
// steps (finding_events), the batch updates and the village cadre assigned.
import type { FindingAction, FindingVerification } from '@paicha/core';
import type { Insertable } from 'kysely';
import type { FindingEventsTable } from '../../../db/schema-households.js';
import type { Executor } from '../../../db/transaction.js';

export interface FindingState {
  id: number;
  campaignId: number;
  unitId: number | null;
  householdId: string | null;
  verification: FindingVerification;
  version: number;
  resolvedAt: string | null;
  detail: string;
  /** The group (ledger problem) it belongs to. */
  problemId: number | null;
}

const STATE = [
  'id',
  'campaign_id as campaignId',
  'unit_id as unitId',
  'household_id as householdId',
  'verification',
  'version',
  'resolved_at as resolvedAt',
  'detail',
  'problem_id as problemId',
] as const;

export async function findingState(db: Executor, id: number): Promise<FindingState | undefined> {
  const r = await db.selectFrom('findings').select(STATE).where('id', '=', id).executeTakeFirst();
  return r && { ...r, version: Number(r.version) };
}

export async function findingStates(db: Executor, ids: number[]): Promise<FindingState[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('findings').select(STATE).where('id', 'in', ids).execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/**
 * Moves one finding to `to` if it is still at `version`; false when someone else's step came
 * first (nothing written).
 */
export async function setVerification(
  db: Executor,
  id: number,
  version: number,
  s: { to: FindingVerification; note: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('findings')
    .set((eb) => ({
      verification: s.to,
      verification_note: s.note,
      verified_at: s.at,
      updated_at: s.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks every listed finding still 待核实 as 属实; returns how many moved. */
export async function confirmPending(db: Executor, ids: number[], s: { note: string; at: string }) {
  const r = await db
    .updateTable('findings')
    .set((eb) => ({
      verification: 'confirmed' as const,
      verification_note: s.note,
      verified_at: s.at,
      updated_at: s.at,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .where('verification', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function assignFindings(
  db: Executor,
  ids: number[],
  a: { name: string; phone: string; at: string },
): Promise<number> {
  const r = await db
    .updateTable('findings')
    .set((eb) => ({
      assignee_name: a.name,
      assignee_phone: a.phone,
      updated_at: a.at,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertFindingEvents(
  db: Executor,
  rows: Insertable<FindingEventsTable>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const ids = await db
      .insertInto('finding_events')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    out.push(...ids.map((r) => r.id));
  }
  return out;
}

export interface FindingEventRow {
  id: number;
  action: FindingAction | 'assign' | 'visit';
  from: FindingVerification;
  to: FindingVerification;
  note: string;
  visitId: number | null;
  actor: string | null;
  at: string;
}

export function findingEvents(db: Executor, findingId: number): Promise<FindingEventRow[]> {
  return db
    .selectFrom('finding_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.action',
      'e.from_state as from',
      'e.to_state as to',
      'e.note',
      'e.visit_id as visitId',
      'u.display_name as actor',
      'e.at',
    ])
    .where('e.finding_id', '=', findingId)
    .orderBy('e.id')
    .execute();
}
