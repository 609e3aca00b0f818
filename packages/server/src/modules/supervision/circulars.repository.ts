// The circulars table: the only Kysely code for 通报 drafts and issued circulars.
import type { Insertable, Updateable } from 'kysely';
import type { CircularsTable } from '../../db/schema-circulars.js';
import type { Executor } from '../../db/transaction.js';

const COLUMNS = [
  'c.id',
  'c.campaign_id as campaignId',
  'c.status',
  'c.version',
  'c.title',
  'c.doc_number as docNumber',
  'c.period_from as periodFrom',
  'c.period_to as periodTo',
  'c.doc_date as docDate',
  'c.figures_at as figuresAt',
  'c.created_at as createdAt',
  'cu.display_name as createdBy',
  'c.issued_at as issuedAt',
  'iu.display_name as issuedBy',
  'c.docx_sha256 as docxSha256',
] as const;

function base(db: Executor) {
  return db
    .selectFrom('circulars as c')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as iu', 'iu.id', 'c.issued_by');
}

export function listCirculars(db: Executor, campaignId: number, issuedOnly: boolean) {
  return base(db)
    .select(COLUMNS)
    .where('c.campaign_id', '=', campaignId)
    .$if(issuedOnly, (q) => q.where('c.status', '=', 'issued'))
    .orderBy('c.id', 'desc')
    .execute();
}

export function findCircular(db: Executor, id: number) {
  return base(db)
    .select([
      ...COLUMNS,
      'c.intro',
      'c.requirements',
      'c.deadline',
      'c.figures',
      'c.docx',
      'c.updated_at as updatedAt',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CircularRow = NonNullable<Awaited<ReturnType<typeof findCircular>>>;

export async function insertCircular(db: Executor, values: Insertable<CircularsTable>): Promise<number> {
  const row = await db.insertInto('circulars').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Writes only a draft still at `version`; false when someone changed it (or issued it) first. */
export async function updateDraftAt(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<CircularsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('circulars')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteDraftAt(db: Executor, id: number, version: number): Promise<boolean> {
  const res = await db
    .deleteFrom('circulars')
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
