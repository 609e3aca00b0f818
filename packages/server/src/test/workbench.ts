// The world the workbench tests share: a 中云街道 reporter and head, a 猴嘴街道 reporter and the
// office on 2 January 2020 (China), with problems on both sides of every boundary the workbench
// draws — returned, overdue by the one rule, due today, on the last "due soon" day and one after.
import { expect } from 'vitest';
import type { DialectName } from '../db/database.js';
import { startLedgerApp } from './problems.js';
import { checkItemId, insertProblem, type ProblemRow, unitIdByName } from './tables.js';

/** 2 January 2020 in China: the January report (due the 4th) is due soon, 12-15 and 12-24 are past. */
export const WORKBENCH_NOW = '2020-01-02T02:00:00Z';
const NOW = WORKBENCH_NOW;

export interface Section {
  key: string;
  count: number;
  link: string;
  entries: { key: string; link: string; tag: string; urgent: boolean; date: string | null }[];
}
export interface WorkbenchView {
  landing: string;
  today: string;
  dueWithinDays: number;
  sections: Section[];
  badges: { path: string; count: number }[];
  total: number;
}

export async function startWorkbenchWorld(dialect: DialectName) {
  const app = await startLedgerApp(dialect, NOW);
  const { t, admin, campaignId } = app;
  const reporter = app.reporter.cookie;
  const head = (await t.userIn('中云街道', 'unit_head')).cookie;
  const otherReporter = (await t.userIn('猴嘴街道', 'reporter')).cookie;
  const zhongyun = await unitIdByName(t, '中云街道');
  const houzui = await unitIdByName(t, '猴嘴街道');
  const ids: Record<string, number> = {};
  const item = await checkItemId(t, campaignId, 13);
  const add = async (
    name: string,
    unit: number,
    over: Omit<ProblemRow, 'campaign_id' | 'check_item_id' | 'unit_id'>,
  ) => {
    ids[name] = await insertProblem(t, {
      campaign_id: campaignId,
      check_item_id: item,
      unit_id: unit,
      ...over,
    });
  };
  await add('returned', zhongyun, { status: 'returned', return_reason: '佐证材料不全' });
  await add('returnedOverdue', zhongyun, { status: 'returned', deadline: '2019-12-30' });
  await add('overdue', zhongyun, { status: 'pending', deadline: '2019-12-31' });
  await add('reviewOverdue', zhongyun, { status: 'awaiting_review', deadline: '2019-12-25' });
  await add('closed', zhongyun, { status: 'closed', deadline: '2019-12-01', closed_at: NOW });
  await add('dueToday', zhongyun, { status: 'pending', deadline: '2020-01-02' });
  await add('dueSoon', zhongyun, { status: 'rectifying', deadline: '2020-01-05' });
  await add('dueLastDay', zhongyun, { status: 'pending', deadline: '2020-01-09' });
  await add('dueLater', zhongyun, { status: 'pending', deadline: '2020-01-10' });
  await add('immediate', zhongyun, { status: 'pending', mode: '立行立改', deadline: null });
  await add('otherStreet', houzui, { status: 'returned', deadline: '2019-12-31' });
  await add('otherReview', houzui, { status: 'awaiting_review' });

  const get = async (cookie: string) => {
    const res = await t.request('GET', '/api/workbench', cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as WorkbenchView;
  };
  return { t, admin, reporter, head, otherReporter, campaignId, zhongyun, houzui, ids, get };
}

export function section(w: WorkbenchView, key: string): Section {
  const s = w.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}: ${w.sections.map((x) => x.key).join(',')}`);
  return s;
}

/** The entries' ids, sorted. */
export const keys = (s: Section) => s.entries.map((e) => Number(e.key)).sort((a, b) => a - b);

export const badge = (w: WorkbenchView, path: string) => w.badges.find((b) => b.path === path)?.count ?? 0;
