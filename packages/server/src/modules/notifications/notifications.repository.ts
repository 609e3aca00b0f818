import type { Insertable } from 'kysely';
import type { NotificationsTable } from '../../db/schema-supervision.js';
import type { Executor } from '../../db/transaction.js';

export type NotificationInsert = Insertable<NotificationsTable>;

/**
 * Inserts notifications; ones whose dedup_key already exists are skipped (ON CONFLICT DO
 * NOTHING), which is what keeps two server processes from reminding twice. Returns only the
 * rows this call actually created.
 */
export async function insertNotifications(db: Executor, rows: NotificationInsert[]) {
  const created: { id: number; unitId: number; title: string; body: string }[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const out = await db
      .insertInto('notifications')
      .values(batch)
      .onConflict((oc) => oc.column('dedup_key').doNothing())
      .returning(['id', 'unit_id as unitId', 'title', 'body'])
      .execute();
    created.push(...out);
  }
  return created;
}

export function listForUnit(
  db: Executor,
  opts: { unitId?: number; userId: number; unreadOnly: boolean; limit: number },
) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('notification_reads as r', (j) =>
      j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', opts.userId),
    )
    .select([
      'n.id',
      'n.kind',
      'n.entity',
      'n.entity_id as entityId',
      'n.title',
      'n.body',
      'n.link',
      'n.due_date as dueDate',
      'n.created_at as createdAt',
      'u.id as unitId',
      'u.name as unitName',
      'r.read_at as readAt',
      // When someone of the receiving unit first opened it: the office sees who has read a 催办.
      (eb) =>
        eb
          .selectFrom('notification_reads as fr')
          .innerJoin('users as fu', 'fu.id', 'fr.user_id')
          .select((e) => e.fn.min<string>('fr.read_at').as('m'))
          .whereRef('fr.notification_id', '=', 'n.id')
          .whereRef('fu.unit_id', '=', 'n.unit_id')
          .as('unitReadAt'),
    ])
    .$if(opts.unitId !== undefined, (q) => q.where('n.unit_id', '=', opts.unitId as number))
    .$if(opts.unreadOnly, (q) => q.where('r.read_at', 'is', null))
    .orderBy('n.id', 'desc')
    .limit(opts.limit)
    .execute();
}

export async function countUnread(db: Executor, unitId: number, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (j) =>
      j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', userId),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.unit_id', '=', unitId)
    .where('r.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Executor, userId: number, ids: number[], at: string) {
  if (ids.length === 0) return;
  await db
    .insertInto('notification_reads')
    .values(ids.map((id) => ({ notification_id: id, user_id: userId, read_at: at })))
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}

export function unitIdsOfNotifications(db: Executor, ids: number[]) {
  return db.selectFrom('notifications').select(['id', 'unit_id as unitId']).where('id', 'in', ids).execute();
}
