// The calendar in force, built once per calendar change stamp (migration 2026-12-04-160) and kept
// per database handle: every ledger page and deadline asks for it, and it changes a few times a
// year. A change made anywhere — an edit, an import, the CLI, another server process — moves the
// stamp in its own transaction, so the next read rebuilds.
//
// Why it stays correct: the stamp is read *before* the days, so a calendar kept under stamp S was
// built from a state at least as new as S; only a stamp no older than the newest seen is kept, and
// never inside a transaction (its own uncommitted edits are not yet under any stamp).
import { buildCalendar, SHIPPED_CALENDAR_DAYS, type WorkCalendar } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import { calendarStamp, listOfficeDays } from './calendar.repository.js';

const kept = new WeakMap<Executor, { stamp: number; calendar: WorkCalendar }>();

async function build(db: Executor): Promise<WorkCalendar> {
  return buildCalendar(SHIPPED_CALENDAR_DAYS, await listOfficeDays(db));
}

/** The calendar in force: the office's days (a few hundred rows at most) over the shipped ones. */
export async function cachedCalendar(db: Executor): Promise<WorkCalendar> {
  if (db.isTransaction) return build(db);
  const stamp = await calendarStamp(db);
  const hit = kept.get(db);
  if (hit && hit.stamp === stamp) return hit.calendar;
  const calendar = await build(db);
  const now = kept.get(db);
  if (now === undefined || now.stamp < stamp) kept.set(db, { stamp, calendar });
  return calendar;
}
