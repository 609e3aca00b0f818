// Steps of the ledger's batch browser test: problems waiting for 销号 written straight into the
// server's SQLite file (a 数据比对 one can only come from a screening run otherwise), and ticking
// rows of the ledger table.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { Harness } from './harness.js';

/** Files problems awaiting 销号 (item 13 of the campaign) for a unit; returns their ids. */
export function insertAwaitingReview(
  h: Harness,
  unit: string,
  descriptions: string[],
  source = '自查',
  status = 'awaiting_review',
): number[] {
  const db = new Database(path.join(h.dataDir, 'paicha.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const { campaign, item } = db
      .prepare(
        `select c.id as campaign, i.id as item from campaigns c
         join check_items i on i.campaign_id = c.id and i.seq = 13 order by c.id limit 1`,
      )
      .get() as { campaign: number; item: number };
    const { id: unitId } = db.prepare('select id from units where name = ?').get(unit) as { id: number };
    const at = new Date().toISOString();
    const insert = db.prepare(
      `insert into problems (campaign_id, check_item_id, unit_id, source, description, found_date, place,
         household_ref, cause, measures, responsible_leader, responsible_person, mode, deadline,
         deadline_reason, status, version, return_reason, created_by, created_at, updated_at,
         submitted_at, closed_at, finding_key, screening_cleared_at)
       values (?, ?, ?, ?, ?, '2020-01-10', '某村', null, '程序意识不强', '补齐材料', '王某', '李某',
         '限期整改', '2020-03-31', '', ?, 1, '', null, ?, ?, ?, null, null, null)
       returning id`,
    );
    return descriptions.map(
      (d) =>
        (
          insert.get(campaign, item, unitId, source, d, status, at, at, status === 'pending' ? null : at) as {
            id: number;
          }
        ).id,
    );
  } finally {
    db.close();
  }
}

/** Ticks the ledger rows of these problems (the list must show them). */
export async function tick(page: Page, ids: number[]) {
  for (const id of ids)
    await page
      .locator(`[data-testid=problem-row][data-id="${id}"] .ant-table-selection-column input`)
      .check();
}
