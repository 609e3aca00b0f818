// 乡(镇)/街道 names as the exports write them → the street (unit) whose ledger gets the findings.
// A name that is a street's name, with or without its 街道/镇/乡/办事处 suffix, matches by itself;
// any other name waits in the office's queue (household_places.unit_id null) — never dropped —
// until the office maps it to a street, which routes its findings at once.
import { AppError, cleanText } from '@paicha/core';
import type { Executor } from '../../../db/transaction.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { withNotices } from '../../notifications/notices.js';
import type { Street } from './places.repository.js';
import * as repo from './places.repository.js';

export function placeName(raw: string | null | undefined): string {
  return cleanText(raw ?? '').replace(/\s/g, '');
}

const SUFFIX = /(街道办事处|街道办|街道|办事处|镇|乡)$/;

function core(name: string): string {
  return name.replace(SUFFIX, '');
}

/** The street a name denotes by itself: its exact name, or the same name with another suffix. */
function matchStreet(name: string, list: readonly Street[]): number | null {
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
  const list = await repo.streets(db);
  const known = new Map((await repo.placeRows(db)).map((r) => [r.name, r.id]));
  for (const s of seen) {
    const id = known.get(s.name);
    if (id !== undefined) {
      await repo.placeSeenAgain(db, id, s.households, at);
    } else {
      await repo.insertPlace(db, {
        name: s.name,
        unitId: matchStreet(s.name, list),
        households: s.households,
        at,
      });
    }
  }
}

/** name → street id (null = queued), for every name the screening meets. */
export async function placeResolver(db: Executor): Promise<(name: string) => number | null> {
  const list = await repo.streets(db);
  const stored = new Map((await repo.placeRows(db)).map((r) => [r.name, r.unit_id]));
  return (name) => {
    const key = placeName(name);
    if (stored.has(key)) return stored.get(key) ?? null;
    return matchStreet(key, list);
  };
}

/** The office's queue (open), the mapped names (resolved) or both, as the places page shows them. */
export async function listPlaces(db: Executor, status: 'open' | 'resolved' | 'all') {
  return (await repo.listPlaceRows(db, status)).map((p) => ({
    id: p.id,
    name: p.name,
    households: p.households,
    unit: p.unitId === null || p.unitName === null ? null : { id: p.unitId, name: p.unitName },
    firstSeenAt: p.firstSeenAt,
    lastSeenAt: p.lastSeenAt,
    resolvedAt: p.resolvedAt,
  }));
}

/**
 * The office maps a queued name to a street (or re-maps a name). Findings of that name that no
 * street has yet get the street and their ledger problem in the same transaction, with the
 * hand-off's notices.
 */
export async function resolvePlace(
  ctx: AppContext,
  actor: Actor,
  input: { id: number; unitId: number },
  routeFindings: (trx: Executor, place: string, unitId: number, at: string) => Promise<number>,
): Promise<{ routed: number }> {
  const place = await repo.findPlace(ctx.db, input.id);
  if (!place) throw new AppError('not_found', '地名不存在');
  const unit = (await repo.streets(ctx.db)).find((s) => s.id === input.unitId);
  if (!unit) throw new AppError('validation_failed', '只能对应到街道');
  const at = ctx.clock.now().toISOString();
  // Notices of the hand-off (to the street receiving the name's findings, each street losing
  // them) are written inside and mailed once the mapping commits.
  return withNotices(ctx, async (trx) => {
    await repo.mapPlace(trx, place.id, unit.id, actor.userId, at);
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
