// Reading the audit log for the office: filtered, newest first, a page at a time. The log grows
// with every step anyone takes, so nothing here reads it whole: each filter has an index ending
// in id (migration 2026-12-03-024), a page is read by offset for the screen and by keyset
// (`id < last`) for the export.
import type { AuditFilter } from '@paicha/core/api/audit';
import type { Executor } from '../../db/transaction.js';

/** The instant a day in China (UTC+8) starts, as the log stores instants (ISO UTC text). */
export function chinaDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The log's rows matching the filter (no columns chosen yet). */
function matching(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actor !== undefined) q = q.where('actor_id', '=', f.actor);
  if (f.unit !== undefined) {
    const unit = f.unit;
    q = q.where('actor_id', 'in', (eb) =>
      eb.selectFrom('users').select('users.id').where('users.unit_id', '=', unit),
    );
  }
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', chinaDayStart(f.from));
  if (f.to) q = q.where('at', '<', chinaDayStart(nextDay(f.to)));
  return q;
}

/**
 * The rows of one page: their ids read off the filter's index in id order first, then only those
 * rows joined to their person and unit.
 */
function pageRows(
  db: Executor,
  f: AuditFilter,
  page: { offset: number; limit: number; beforeId: number | null },
) {
  let ids = matching(db, f).select(['id', 'at', 'actor_id', 'action', 'entity', 'entity_id', 'detail']);
  if (page.beforeId !== null) ids = ids.where('id', '<', page.beforeId);
  const slice = ids.orderBy('id', 'desc').offset(page.offset).limit(page.limit).as('a');
  return db
    .selectFrom(slice)
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('units as un', 'un.id', 'u.unit_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id as actorId',
      'u.username',
      'u.display_name as displayName',
      'un.name as unitName',
      'a.action',
      'a.entity',
      'a.entity_id as entityId',
      'a.detail',
    ])
    .orderBy('a.id', 'desc')
    .execute();
}

export type AuditRow = Awaited<ReturnType<typeof pageRows>>[number];

export async function countAudit(db: Executor, f: AuditFilter): Promise<number> {
  const r = await matching(db, f)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function auditRowsPage(db: Executor, f: AuditFilter, offset: number, limit: number) {
  return pageRows(db, f, { offset, limit, beforeId: null });
}

/** The next rows of an export, newest first, below `beforeId` (keyset: every read is short). */
export function auditRowsBefore(db: Executor, f: AuditFilter, beforeId: number | null, limit: number) {
  return pageRows(db, f, { offset: 0, limit, beforeId });
}
