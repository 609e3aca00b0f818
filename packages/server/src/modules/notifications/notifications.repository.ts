import type { NotificationResolution } from '@paicha/core';
import { type Insertable, sql } from 'kysely';
import type { NotificationsTable } from '../../db/schema-supervision.js';
import { containsPattern, likeContains } from '../../db/text-search.js';
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

/**
 * Whether a reminder still needs anything, decided when read rather than by a timer: 'done' once
 * its item is done — the problem closed out, or the unit's report or submission for the milestone
 * sent (at least once, as the reminder run itself counts a milestone answered) —, 'moved' once its
 * problem was handed to another unit (交办: the link would no longer open for this one), 'expired'
 * once a 即将到期 reminder's date has passed (today in China; the 已逾期 notice takes over).
 * A 待审核 notice to the office is 'reviewed' once what it asks for is done — the problem is no
 * longer 待销号, the report or submission no longer 已报送 (审核通过 or 退回) — or once a newer
 * 待审核 of the same thing (sent again after a 退回) takes its place.
 * Other hand-off notices and 催办 are never resolved: they are read.
 */
function resolution(today: string) {
  return sql<NotificationResolution | null>`case
    when n.kind = 'submitted' and (
      (n.entity = 'problem' and exists (select 1 from problems sp where sp.id = n.entity_id
        and sp.status <> 'awaiting_review'))
      or (n.entity = 'monthly_report' and exists (select 1 from monthly_reports sr where sr.id = n.entity_id
        and sr.status <> 'submitted'))
      or (n.entity = 'submission' and exists (select 1 from submissions ss where ss.id = n.entity_id
        and ss.status <> 'submitted'))
      or exists (select 1 from notifications later where later.entity = n.entity
        and later.entity_id = n.entity_id and later.kind = 'submitted' and later.unit_id = n.unit_id
        and later.id > n.id)
    ) then 'reviewed'
    when n.kind in ('upcoming', 'missed') and (
      (n.entity = 'problem' and exists (
        select 1 from problems rp where rp.id = n.entity_id and rp.status = 'closed'))
      or (n.entity = 'milestone' and (
        exists (select 1 from monthly_reports rr where rr.milestone_id = n.entity_id
          and rr.unit_id = n.unit_id and rr.first_submitted_on is not null)
        or exists (select 1 from submissions rs where rs.milestone_id = n.entity_id
          and rs.unit_id = n.unit_id and rs.first_submitted_on is not null)))
    ) then 'done'
    when n.kind in ('upcoming', 'missed') and n.entity = 'problem' and exists (
      select 1 from problems mp where mp.id = n.entity_id and mp.unit_id <> n.unit_id) then 'moved'
    when n.kind = 'upcoming' and n.due_date < ${today} then 'expired'
    else null end`;
}

/** Unread by the joined reader `r` and not resolved: what the bell counts. */
const needsAttention = (today: string) => sql<boolean>`(r.read_at is null and ${resolution(today)} is null)`;
/** Read, or resolved: the rest. */
const settled = (today: string) => sql<boolean>`(r.read_at is not null or ${resolution(today)} is not null)`;

export interface NotificationFilter {
  /** The receiving unit; absent = every unit (the office's view of what it sent). */
  unitId?: number;
  /** Read state and the readers shown are this user's. */
  userId: number;
  /** Today in China, for resolving reminders whose date has passed. */
  today: string;
  /** Unread and not resolved. */
  unreadOnly: boolean;
  /** Read or resolved. */
  readOnly?: boolean;
  kind?: string;
  /** Words in the title or body. */
  q?: string;
}

function filtered(db: Executor, f: NotificationFilter) {
  const like = containsPattern(f.q);
  return db
    .selectFrom('notifications as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('notification_reads as r', (j) =>
      j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', f.userId),
    )
    .$if(f.unitId !== undefined, (q) => q.where('n.unit_id', '=', f.unitId as number))
    .$if(f.unreadOnly, (q) => q.where(needsAttention(f.today)))
    .$if(f.readOnly === true, (q) => q.where(settled(f.today)))
    .$if(f.kind !== undefined, (q) => q.where('n.kind', '=', f.kind as string))
    .$if(like !== null, (q) =>
      q.where((eb) => eb.or(['n.title', 'n.body'].map((c) => likeContains(c, like as string)))),
    );
}

/** A page of notifications, newest first. */
export function listForUnit(db: Executor, f: NotificationFilter & { limit: number; offset?: number }) {
  return filtered(db, f)
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
      resolution(f.today).as('resolved'),
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
    .orderBy('n.id', 'desc')
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
}

export async function countNotifications(db: Executor, f: NotificationFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks every unread notification of the unit read for the user, however many (one statement). */
export async function markAllRead(db: Executor, unitId: number, userId: number, at: string) {
  await sql`insert into notification_reads (notification_id, user_id, read_at)
    select n.id, ${userId}, ${at} from notifications n
    where n.unit_id = ${unitId}
      and not exists (select 1 from notification_reads r where r.notification_id = n.id and r.user_id = ${userId})`.execute(
    db,
  );
}

/** The unit's notices the user has not read and that are not resolved (the bell's count). */
export async function countUnread(
  db: Executor,
  unitId: number,
  userId: number,
  today: string,
): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (j) =>
      j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', userId),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.unit_id', '=', unitId)
    .where(needsAttention(today))
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

export async function markEmailed(db: Executor, id: number, at: string) {
  await db.updateTable('notifications').set({ emailed_at: at }).where('id', '=', id).execute();
}

/** The office's units: they receive what units send for the office's action. */
export async function officeUnitIds(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('units').select('id').where('kind', '=', 'office').orderBy('id').execute();
  return rows.map((r) => r.id);
}
