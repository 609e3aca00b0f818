// Steps of the grouped 数据比对 problem's browser test: a street × rule group with its findings,
// written straight into the server's SQLite file as a screening run would have filed them (a
// screening needs every source imported first; households.test.ts does that), and a later run
// that no longer finds the rest.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Harness } from './harness.js';

const VILLAGES = ['东村', '西村', '南村'];

/** A 中云街道 group of `total` income findings, the first `done` no longer found; its id. */
export function insertGroup(h: Harness, total: number, done: number): number {
  const db = new Database(path.join(h.dataDir, 'paicha.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const { campaign, item } = db
      .prepare(
        `select c.id as campaign, i.id as item from campaigns c
         join check_items i on i.campaign_id = c.id and i.seq = 20 order by c.id limit 1`,
      )
      .get() as { campaign: number; item: number };
    const { id: unitId } = db.prepare("select id from units where name = '中云街道'").get() as { id: number };
    const at = new Date().toISOString();
    const { id } = db
      .prepare(
        `insert into problems (campaign_id, check_item_id, unit_id, source, description, found_date, place,
           household_ref, cause, measures, responsible_leader, responsible_person, mode, deadline,
           deadline_reason, status, version, return_reason, created_by, created_at, updated_at,
           finding_rule, findings_total, findings_done)
         values (?, ?, ?, '数据比对', ?, '2020-01-10', '', null, '', '', '', '', '限期整改', '2020-03-31', '',
           'pending', 1, '', null, ?, ?, 'income_below_line', ?, ?)
         returning id`,
      )
      .get(
        campaign,
        item,
        unitId,
        `数据比对：已脱贫户人均纯收入低于脱贫标准（中云街道，${total}户）`,
        at,
        at,
        total,
        done,
      ) as { id: number };
    const finding = db.prepare(
      `insert into findings (campaign_id, finding_key, rule_id, check_item, unit_id, township, village,
         household_id, detail, first_run_id, last_run_id, resolved_at, problem_id, created_at, updated_at)
       values (?, ?, 'income_below_line', 20, ?, '中云街道', ?, ?, ?, 1, 1, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= total; i++) {
      const hh = `320706001${String(i).padStart(4, '0')}`;
      const village = VILLAGES[i % VILLAGES.length] as string;
      const detail = `户${hh}（${village}）脱贫状态为已脱贫，年人均纯收入${4200 + i * 37}元，低于脱贫标准6000元`;
      finding.run(
        campaign,
        `income_below_line:${hh}`,
        unitId,
        village,
        hh,
        detail,
        i <= done ? at : null,
        id,
        at,
        at,
      );
    }
    return id;
  } finally {
    db.close();
  }
}

/** A later run no longer finds any of the group's findings: all done, the group cleared. */
export function clearGroup(h: Harness, id: number): void {
  const db = new Database(path.join(h.dataDir, 'paicha.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const at = new Date().toISOString();
    db.transaction(() => {
      db.prepare('update findings set resolved_at = ? where problem_id = ? and resolved_at is null').run(
        at,
        id,
      );
      db.prepare(
        `update problems set findings_done = findings_total, screening_cleared_at = ?, version = version + 1
         where id = ?`,
      ).run(at, id);
    })();
  } finally {
    db.close();
  }
}
