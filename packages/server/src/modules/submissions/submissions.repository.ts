import type { Insertable, Updateable } from 'kysely';
import type { SubmissionsTable } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';

/** Milestones answered by a submission: everything but the monthly reports. */
export function listSubmissionMilestones(db: Executor, campaignId: number) {
  return db
    .selectFrom('milestones')
    .select(['id', 'kind', 'title', 'due_date as dueDate', 'description'])
    .where('campaign_id', '=', campaignId)
    .where('kind', '<>', 'monthly')
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

export function findSubmission(db: Executor, milestoneId: number, unitId: number) {
  return db
    .selectFrom('submissions as s')
    .leftJoin('users as b', 'b.id', 's.submitted_by')
    .leftJoin('users as v', 'v.id', 's.reviewed_by')
    .leftJoin('users as e', 'e.id', 's.updated_by')
    .selectAll('s')
    .select([
      'b.display_name as submittedByName',
      'v.display_name as reviewedByName',
      'e.display_name as updatedByName',
    ])
    .where('s.milestone_id', '=', milestoneId)
    .where('s.unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertSubmission(db: Executor, values: Insertable<SubmissionsTable>): Promise<number> {
  const { id } = await db.insertInto('submissions').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Applies the patch only if the row is still at `version`; returns whether it was. */
export async function updateSubmissionAtVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<SubmissionsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('submissions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listSubmissions(db: Executor, campaignId: number, unitId?: number) {
  return db
    .selectFrom('submissions')
    .select([
      'id',
      'milestone_id as milestoneId',
      'unit_id as unitId',
      'status',
      'first_submitted_on as firstSubmittedOn',
      'first_submitted_at as firstSubmittedAt',
      'submitted_at as submittedAt',
    ])
    .where('campaign_id', '=', campaignId)
    .$if(unitId !== undefined, (q) => q.where('unit_id', '=', unitId as number))
    .execute();
}

export function listFiles(db: Executor, submissionId: number) {
  return db
    .selectFrom('submission_files as f')
    .innerJoin('attachments as a', 'a.id', 'f.attachment_id')
    .select([
      'a.id',
      'a.original_name as name',
      'a.size',
      'a.mime',
      'a.uploaded_at as uploadedAt',
      'f.kind',
      'f.added_at as addedAt',
    ])
    .where('f.submission_id', '=', submissionId)
    .orderBy('f.added_at')
    .orderBy('a.id')
    .execute();
}

export async function addFiles(
  db: Executor,
  submissionId: number,
  files: { attachmentId: number; kind: string }[],
  by: number,
  at: string,
) {
  if (files.length === 0) return;
  await db
    .insertInto('submission_files')
    .values(
      files.map((f) => ({
        submission_id: submissionId,
        attachment_id: f.attachmentId,
        kind: f.kind,
        added_by: by,
        added_at: at,
      })),
    )
    .execute();
}

export async function removeFiles(db: Executor, submissionId: number, attachmentIds: number[]) {
  if (attachmentIds.length === 0) return;
  await db
    .deleteFrom('submission_files')
    .where('submission_id', '=', submissionId)
    .where('attachment_id', 'in', attachmentIds)
    .execute();
}

export async function updateFileKind(db: Executor, submissionId: number, attachmentId: number, kind: string) {
  await db
    .updateTable('submission_files')
    .set({ kind })
    .where('submission_id', '=', submissionId)
    .where('attachment_id', '=', attachmentId)
    .execute();
}

/** Mime types of uploads, to check that a sealed copy is a scan (PDF or image). */
export function attachmentMimes(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachments').select(['id', 'mime']).where('id', 'in', ids).execute();
}
