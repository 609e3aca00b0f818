// Uploaded exports waiting for the mapping step (household_uploads): the row points at the file.
import type { Insertable } from 'kysely';
import type { HouseholdUploadsTable } from '../../../db/schema-households.js';
import type { Executor } from '../../../db/transaction.js';

export async function insertUpload(db: Executor, row: Insertable<HouseholdUploadsTable>): Promise<void> {
  await db.insertInto('household_uploads').values(row).execute();
}

export function findUploadRow(db: Executor, id: string) {
  return db.selectFrom('household_uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteUpload(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('household_uploads').where('id', '=', id).execute();
}

/** Ids of uploads made before the instant. */
export async function uploadsBefore(db: Executor, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('household_uploads')
    .select('id')
    .where('uploaded_at', '<', before)
    .execute();
  return rows.map((r) => r.id);
}
