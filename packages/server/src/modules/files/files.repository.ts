import type { Executor } from '../../db/transaction.js';

export interface AttachmentView {
  id: number;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  unitId: number;
  uploadedAt: string;
  entity: string | null;
  entityId: number | null;
}

const columns = [
  'id',
  'original_name as name',
  'size',
  'mime',
  'sha256',
  'unit_id as unitId',
  'uploaded_at as uploadedAt',
  'entity',
  'entity_id as entityId',
] as const;

export async function insertAttachment(
  db: Executor,
  a: {
    sha256: string;
    size: number;
    mime: string;
    name: string;
    unitId: number;
    uploadedBy: number;
    at: string;
  },
): Promise<AttachmentView> {
  return db
    .insertInto('attachments')
    .values({
      sha256: a.sha256,
      size: a.size,
      mime: a.mime,
      original_name: a.name,
      unit_id: a.unitId,
      uploaded_by: a.uploadedBy,
      uploaded_at: a.at,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export function findAttachment(db: Executor, id: number) {
  return db
    .selectFrom('attachments')
    .select([...columns, 'uploaded_by as uploadedBy'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listAttachmentsOf(
  db: Executor,
  entity: string,
  entityIds: number[],
): Promise<AttachmentView[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .select(columns)
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .orderBy('id')
    .execute();
}

export function findUnlinked(db: Executor, ids: number[]) {
  return db
    .selectFrom('attachments')
    .select(['id', 'unit_id as unitId', 'uploaded_by as uploadedBy', 'entity'])
    .where('id', 'in', ids)
    .execute();
}

export async function linkAttachmentRows(db: Executor, ids: number[], entity: string, entityId: number) {
  await db
    .updateTable('attachments')
    .set({ entity, entity_id: entityId })
    .where('id', 'in', ids)
    .where('entity', 'is', null)
    .execute();
}

/**
 * Bytes this user uploaded since `since` (the quota's window), each stored file counted once: the
 * same evidence claimed for many problems at once (a batch's progress note) is one row per
 * problem over the same bytes, and the store keeps the bytes once (by sha256).
 */
export async function bytesUploadedSince(db: Executor, userId: number, since: string): Promise<number> {
  const files = db
    .selectFrom('attachments')
    .select((eb) => ['sha256', eb.fn.max('size').as('size')])
    .where('uploaded_by', '=', userId)
    .where('uploaded_at', '>=', since)
    .groupBy('sha256');
  const row = await db
    .selectFrom(files.as('f'))
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('f.size'), eb.lit(0)).as('bytes'))
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

/**
 * Claims the same uploads once more for another entity: a copy of each row (same bytes, name and
 * uploader) linked to `entityId`, so every problem of a batch's progress note has its own evidence.
 */
export async function copyAttachmentRows(db: Executor, ids: number[], entity: string, entityId: number) {
  await db
    .insertInto('attachments')
    .columns([
      'sha256',
      'size',
      'mime',
      'original_name',
      'unit_id',
      'uploaded_by',
      'uploaded_at',
      'entity',
      'entity_id',
    ])
    .expression((eb) =>
      eb
        .selectFrom('attachments')
        .select((s) => [
          'sha256',
          'size',
          'mime',
          'original_name',
          'unit_id',
          'uploaded_by',
          'uploaded_at',
          s.val(entity).as('entity'),
          s.val(entityId).as('entity_id'),
        ])
        .where('id', 'in', ids)
        .orderBy('id'),
    )
    .execute();
}

/** Uploads never claimed by anything, older than `before`. */
export function unattachedBefore(db: Executor, before: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'sha256'])
    .where('entity', 'is', null)
    .where('uploaded_at', '<', before)
    .execute();
}

/** Deletes one unclaimed upload; answers whether its bytes are now used by no other row. */
export async function deleteUnattached(db: Executor, id: number, sha256: string): Promise<boolean> {
  await db.deleteFrom('attachments').where('id', '=', id).where('entity', 'is', null).execute();
  const same = await db
    .selectFrom('attachments')
    .select('id')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return same === undefined;
}
