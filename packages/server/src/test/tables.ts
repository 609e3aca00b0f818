// Rows written straight into the tables, for tests whose subject is what reads them (reports,
// timeliness, the dashboard), not the API that would file them. Each factory takes the columns
// that identify the row and fills the rest with a plain, valid default.
import type { Insertable } from 'kysely';
import type { DB, ProblemEventsTable, ProblemsTable, SubmissionsTable } from '../db/schema.js';
import type { TestApp } from './harness.js';

export type ProblemRow = Pick<Insertable<ProblemsTable>, 'campaign_id' | 'check_item_id' | 'unit_id'> &
  Partial<Insertable<ProblemsTable>>;

/** A ledger row (自查, 限期整改 by 2020-03-31, pending, recorded now by nobody); returns its id. */
export async function insertProblem(t: TestApp, row: ProblemRow): Promise<number> {
  const at = row.created_at ?? t.clock.now().toISOString();
  const { id } = await t.ctx.db
    .insertInto('problems')
    .values({
      source: '自查',
      description: '问题',
      found_date: at.slice(0, 10),
      place: '',
      household_ref: null,
      cause: '',
      measures: '',
      responsible_leader: '',
      responsible_person: '',
      deadline_reason: '',
      mode: '限期整改',
      deadline: '2020-03-31',
      status: 'pending',
      version: 1,
      return_reason: '',
      created_by: null,
      created_at: at,
      updated_at: at,
      submitted_at: null,
      closed_at: null,
      finding_key: null,
      screening_cleared_at: null,
      ...row,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type ProblemEventRow = Pick<Insertable<ProblemEventsTable>, 'problem_id' | 'kind' | 'event_date'> &
  Partial<Insertable<ProblemEventsTable>>;

/** A step in a problem's history, at 10:00 China time of its day, by nobody. */
export async function insertProblemEvent(t: TestApp, row: ProblemEventRow): Promise<void> {
  await t.ctx.db
    .insertInto('problem_events')
    .values({
      at: `${row.event_date}T02:00:00.000Z`,
      actor_id: null,
      from_status: null,
      to_status: null,
      text: row.kind,
      detail: '{}',
      ...row,
    })
    .execute();
}

export type SubmissionRow = Pick<
  Insertable<SubmissionsTable>,
  'campaign_id' | 'milestone_id' | 'unit_id' | 'first_submitted_on'
> &
  Partial<Insertable<SubmissionsTable>>;

/** A milestone submission first sent and accepted at 10:00 China time of `first_submitted_on`. */
export async function insertSubmission(t: TestApp, row: SubmissionRow): Promise<void> {
  const on = row.first_submitted_on as string;
  const at = `${on}T02:00:00.000Z`;
  await t.ctx.db
    .insertInto('submissions')
    .values({
      status: 'accepted',
      version: 3,
      content: '已报送',
      experience: '',
      institutions: '',
      return_reason: '',
      first_submitted_at: at,
      submitted_at: at,
      submitted_on: on,
      submitted_by: null,
      reviewed_at: at,
      reviewed_by: null,
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
      ...row,
    })
    .execute();
}

/** The id of the campaign's check item with this 序号. */
export async function checkItemId(t: TestApp, campaignId: number, seq: number): Promise<number> {
  const item = await t.ctx.db
    .selectFrom('check_items')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return item.id;
}

/** The audit log's actions on one kind of entity, oldest first. */
export async function auditActions(t: TestApp, entity: string): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', entity)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

/** How many rows a table holds. */
export async function countRows(t: TestApp, table: keyof DB): Promise<number> {
  const { n } = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The id of the unit with this name. */
export async function unitIdByName(t: TestApp, name: string): Promise<number> {
  const unit = await t.ctx.db
    .selectFrom('units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return unit.id;
}
