// Editing a campaign's structure (items, phases, milestones) after it was built:
// - campaigns.structure_version: the version every structure edit names (409 when stale);
// - campaign_structure_changes: one row per change (who, when, why, before/after) — the history
//   the campaign page shows; once the campaign has started a reason is required;
// - check_items.removed_at: an item taken out of a campaign is kept (seq moved below zero, its
//   units dropped) because submitted reports' rows and snapshots still point at it;
// - the snapshot rows of submitted reports keep the item's texts as submitted (seq, 排查项目,
//   排查内容, 责任单位), so a later rename, reorder or removal does not change what was reported.
//   Existing snapshots take today's texts, which are the texts they were submitted with;
// - campaign_rule_items: which item each screening rule files its findings under, per campaign,
//   by item id so a reorder keeps it. Existing campaigns were all built from the plan's template,
//   so each rule takes the item carrying its template 序号.
import { SCREENING_RULES } from '@paicha/core';
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { withId } from './helpers.js';

export function campaignStructureMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('campaigns')
        .addColumn('structure_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('check_items').addColumn('removed_at', 'text').execute();
      await withId(db.schema.createTable('campaign_structure_changes'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('started', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('before_json', 'text', (c) => c.notNull().defaultTo('null'))
        .addColumn('after_json', 'text', (c) => c.notNull().defaultTo('null'))
        .execute();
      await db.schema
        .createIndex('campaign_structure_changes_idx')
        .on('campaign_structure_changes')
        .columns(['campaign_id', 'version'])
        .unique()
        .execute();
      for (const col of [
        'category',
        'sub_category',
        'sub_category_cell',
        'content',
        'units_text',
        'group_label',
      ])
        await db.schema.alterTable('monthly_report_snapshot_rows').addColumn(col, 'text').execute();
      // group_seq / group_label: the merged 排查项目 cell the row printed in (from the whole table
      // at submission; null for older snapshots, whose groups are those of today's items).
      for (const col of ['item_seq', 'group_seq'])
        await db.schema.alterTable('monthly_report_snapshot_rows').addColumn(col, 'integer').execute();
      await sql`update monthly_report_snapshot_rows set
          item_seq = (select i.seq from check_items i where i.id = monthly_report_snapshot_rows.check_item_id),
          category = (select i.category from check_items i where i.id = monthly_report_snapshot_rows.check_item_id),
          sub_category = (select i.sub_category from check_items i where i.id = monthly_report_snapshot_rows.check_item_id),
          sub_category_cell = (select i.sub_category_cell from check_items i where i.id = monthly_report_snapshot_rows.check_item_id),
          content = (select i.content from check_items i where i.id = monthly_report_snapshot_rows.check_item_id),
          units_text = (select i.units_text from check_items i where i.id = monthly_report_snapshot_rows.check_item_id)`.execute(
        db,
      );
      await db.schema
        .createTable('campaign_rule_items')
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('check_item_id', 'integer', (c) =>
          c.notNull().references('check_items.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('campaign_rule_items_pk', ['campaign_id', 'rule_id'])
        .execute();
      for (const rule of SCREENING_RULES)
        await sql`insert into campaign_rule_items (campaign_id, rule_id, check_item_id)
          select i.campaign_id, ${rule.id}, i.id from check_items i where i.seq = ${rule.checkItem}`.execute(
          db,
        );
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('campaign_rule_items').execute();
      for (const col of [
        'item_seq',
        'category',
        'sub_category',
        'sub_category_cell',
        'content',
        'units_text',
      ])
        await db.schema.alterTable('monthly_report_snapshot_rows').dropColumn(col).execute();
      await db.schema.dropTable('campaign_structure_changes').execute();
      await db.schema.alterTable('check_items').dropColumn('removed_at').execute();
      await db.schema.alterTable('campaigns').dropColumn('structure_version').execute();
    },
  };
}
