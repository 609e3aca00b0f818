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
