import type { CampaignTemplate } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';

export function listCampaigns(db: Executor) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'title', 'issuer', 'start_date as startDate', 'end_date as endDate'])
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findCampaign(db: Executor, id: number) {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function hasCampaign(db: Executor): Promise<boolean> {
  const rows = await db.selectFrom('campaigns').select('id').limit(1).execute();
  return rows.length > 0;
}

/** 全面整改到位: the latest rectification milestone's due date, or null. */
export async function rectificationDue(db: Executor, campaignId: number): Promise<string | null> {
  const m = await db
    .selectFrom('milestones')
    .select('due_date')
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'rectification')
    .orderBy('due_date', 'desc')
    .executeTakeFirst();
  return m?.due_date ?? null;
}

export function listPhases(db: Executor, campaignId: number) {
  return db
    .selectFrom('phases')
    .select(['seq', 'name', 'start_date as startDate', 'end_date as endDate', 'description'])
    .where('campaign_id', '=', campaignId)
    .orderBy('seq')
    .execute();
}

export function listMilestones(db: Executor, campaignId: number) {
  return db
    .selectFrom('milestones')
    .select(['id', 'kind', 'period', 'title', 'due_date as dueDate', 'description'])
    .where('campaign_id', '=', campaignId)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

/** Inserts the campaign with its phases, milestones and check items; returns id and item ids by 序号. */
export async function insertCampaign(db: Executor, t: CampaignTemplate, at: string) {
  const { id } = await db
    .insertInto('campaigns')
    .values({
      title: t.title,
      issuer: t.issuer,
      basis_documents: JSON.stringify(t.basisDocuments),
      doc_number: t.docNumber ?? '',
      start_date: t.startDate,
      end_date: t.endDate,
      monthly_due_day: t.monthlyDueDay,
      report_title: t.reportTitle,
      report_footer: t.reportFooter,
      contact: t.contact,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A plan may come without phases or milestones (an imported table): no empty INSERT (a 500).
  if (t.phases.length > 0)
    await db
      .insertInto('phases')
      .values(
        t.phases.map((p) => ({
          campaign_id: id,
          seq: p.seq,
          name: p.name,
          start_date: p.startDate,
          end_date: p.endDate,
          description: p.description,
        })),
      )
      .execute();
  if (t.milestones.length > 0)
    await db
      .insertInto('milestones')
      .values(
        t.milestones.map((m) => ({
          campaign_id: id,
          kind: m.kind,
          period: m.period,
          title: m.title,
          due_date: m.dueDate,
          description: m.description,
        })),
      )
      .execute();
  const items = await db
    .insertInto('check_items')
    .values(
      t.checkItems.map((i) => ({
        campaign_id: id,
        seq: i.seq,
        category: i.category,
        sub_category: i.subCategory,
        sub_category_cell: i.subCategoryCell,
        content: i.content,
        units_text: i.unitsText,
      })),
    )
    .returning(['id', 'seq'])
    .execute();
  return { id, itemIdBySeq: new Map(items.map((i) => [i.seq, i.id])) };
}

export async function insertItemUnits(db: Executor, rows: { checkItemId: number; unitId: number }[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('item_units')
    .values(rows.map((r) => ({ check_item_id: r.checkItemId, unit_id: r.unitId })))
    .execute();
}

export function listCheckItems(db: Executor, campaignId: number, onlyUnitId?: number) {
  return db
    .selectFrom('check_items as i')
    .select([
      'i.id',
      'i.seq',
      'i.category',
      'i.sub_category as subCategory',
      'i.sub_category_cell as subCategoryCell',
      'i.content',
      'i.units_text as unitsText',
    ])
    .where('i.campaign_id', '=', campaignId)
    .where('i.removed_at', 'is', null)
    .$if(onlyUnitId !== undefined, (q) =>
      q.where('i.id', 'in', (eb) =>
        eb
          .selectFrom('item_units')
          .select('check_item_id')
          .where('unit_id', '=', onlyUnitId as number),
      ),
    )
    .orderBy('i.seq')
    .execute();
}

/** Responsible units of every item in the campaign, in unit order. */
export function listItemUnits(db: Executor, campaignId: number) {
  return db
    .selectFrom('item_units as iu')
    .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
    .innerJoin('units as u', 'u.id', 'iu.unit_id')
    .select(['iu.check_item_id as checkItemId', 'u.id', 'u.name', 'u.kind'])
    .where('i.campaign_id', '=', campaignId)
    .orderBy('u.sort_order')
    .orderBy('u.id')
    .execute();
}

export function findCheckItem(db: Executor, campaignId: number, seq: number) {
  return db
    .selectFrom('check_items')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

/** Whether the check item is assigned to the unit. */
export async function isItemAssigned(db: Executor, checkItemId: number, unitId: number): Promise<boolean> {
  const link = await db
    .selectFrom('item_units')
    .select('unit_id')
    .where('check_item_id', '=', checkItemId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return link !== undefined;
}

export async function updateCheckItem(
  db: Executor,
  id: number,
  patch: { category?: string; subCategory?: string; content?: string; unitsText?: string },
) {
  await db
    .updateTable('check_items')
    .set({
      ...(patch.category === undefined ? {} : { category: patch.category as never }),
      ...(patch.subCategory === undefined ? {} : { sub_category: patch.subCategory }),
      ...(patch.content === undefined ? {} : { content: patch.content }),
      ...(patch.unitsText === undefined ? {} : { units_text: patch.unitsText }),
    })
    .where('id', '=', id)
    .execute();
}

export async function replaceItemUnits(db: Executor, checkItemId: number, unitIds: number[]) {
  await db.deleteFrom('item_units').where('check_item_id', '=', checkItemId).execute();
  await insertItemUnits(
    db,
    unitIds.map((unitId) => ({ checkItemId, unitId })),
  );
}
