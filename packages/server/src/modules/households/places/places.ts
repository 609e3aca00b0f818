// 乡(镇)/街道 names as the exports write them → the street (unit) whose ledger gets the findings.
// A name that is a street's name, with or without its 街道/镇/乡/办事处 suffix, matches by itself;
// any other name waits in the office's queue (household_places.unit_id null) — never dropped —
// until the office maps it to a street, which routes its findings at once.
import { AppError, cleanText } from '@paicha/core';
import type { Executor } from '../../../db/transaction.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';

export function placeName(raw: string | null | undefined): string {
  return cleanText(raw ?? '').replace(/\s/g, '');
}

const SUFFIX = /(街道办事处|街道办|街道|办事处|镇|乡)$/;

function core(name: string): string {
  return name.replace(SUFFIX, '');
}

type Street = { id: number; name: string };

function streets(db: Executor): Promise<Street[]> {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'street').execute();
}

/** The street a name denotes by itself: its exact name, or the same name with another suffix. */
export function matchStreet(name: string, list: readonly Street[]): number | null {
  const exact = list.find((s) => s.name === name);
  if (exact) return exact.id;
  const c = core(name);
  if (c.length < 2) return null;
  const byCore = list.filter((s) => core(s.name) === c);
  return byCore.length === 1 ? (byCore[0]?.id ?? null) : null;
}

/** Records the names seen in an import: new ones matched to a street or queued. */
export async function recordPlaces(
  db: Executor,
  seen: readonly { name: string; households: number }[],
  at: string,
): Promise<void> {
  if (seen.length === 0) return;
  const list = await streets(db);
  const known = new Map(
    (await db.selectFrom('household_places').select(['id', 'name']).execute()).map((r) => [r.name, r.id]),
  );
  for (const s of seen) {
    const id = known.get(s.name);
    if (id !== undefined) {
      await db
        .updateTable('household_places')
        .set({ households: s.households, last_seen_at: at })
        .where('id', '=', id)
        .execute();
    } else {
      await db
        .insertInto('household_places')
        .values({
          name: s.name,
          unit_id: matchStreet(s.name, list),
          households: s.households,
          first_seen_at: at,
          last_seen_at: at,
        })
        .execute();
    }
  }
}

/** name → street id (null = queued), for every name the screening meets. */
export async function placeResolver(db: Executor): Promise<(name: string) => number | null> {
  const list = await streets(db);
  const stored = new Map(
    (await db.selectFrom('household_places').select(['name', 'unit_id']).execute()).map((r) => [
      r.name,
      r.unit_id,
    ]),
  );
  return (name) => {
    const key = placeName(name);
    if (stored.has(key)) return stored.get(key) ?? null;
    return matchStreet(key, list);
  };
}

export function listPlaces(db: Executor, status: 'open' | 'resolved' | 'all') {
  return db
    .selectFrom('household_places as p')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.households',
      'p.first_seen_at as firstSeenAt',
      'p.last_seen_at as lastSeenAt',
      'p.resolved_at as resolvedAt',
      'u.id as unitId',
      'u.name as unitName',
    ])
    .$if(status === 'open', (q) => q.where('p.unit_id', 'is', null))
    .$if(status === 'resolved', (q) => q.where('p.unit_id', 'is not', null))
    .orderBy('p.unit_id', 'desc')
    .orderBy('p.name')
    .execute();
}

/**
 * The office maps a queued name to a street (or re-maps a name). Findings of that name that no
 * street has yet get the street and their ledger problem in the same transaction.
 */
export async function resolvePlace(
  ctx: AppContext,
  actor: Actor,
  input: { id: number; unitId: number },
  routeFindings: (trx: Executor, place: string, unitId: number, at: string) => Promise<number>,
): Promise<{ routed: number }> {
  const place = await ctx.db
    .selectFrom('household_places')
    .select(['id', 'name', 'unit_id'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!place) throw new AppError('not_found', '地名不存在');
  const unit = (await streets(ctx.db)).find((s) => s.id === input.unitId);
  if (!unit) throw new AppError('validation_failed', '只能对应到街道');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('household_places')
      .set({ unit_id: unit.id, resolved_by: actor.userId, resolved_at: at })
      .where('id', '=', place.id)
      .execute();
    const routed = await routeFindings(trx, place.name, unit.id, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'household.place_resolve',
      entity: 'household_place',
      entityId: place.id,
      detail: { name: place.name, from: place.unit_id, to: unit.id, routed },
      at,
    });
    return { routed };
  });
}
