// Shared by the report, timeliness, export and supervision tests: find ids, fill a unit's report,
// put problems in the ledger without going through its API.
import type { ProblemStatus } from '@paicha/core';
import { expect } from 'vitest';
import type { TestApp } from './harness.js';
import { checkItemId, insertProblem } from './tables.js';

export interface ReportRowView {
  seq: number;
  subCategoryCell: string;
  situation: string;
  measures: string;
  progress: string;
  counts: { found: number; rectified: number; closed: number; overdue: number };
}

export async function ids(t: TestApp, cookie: string) {
  const campaignId = (await t.request('GET', '/api/campaigns', cookie)).json()[0].id as number;
  const units = (await t.request('GET', '/api/units', cookie)).json() as { id: number; name: string }[];
  const unit = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  return { campaignId, unit };
}

export const reportUrl = (campaignId: number, period: string, unitId: number) =>
  `/api/campaigns/${campaignId}/monthly-reports/${period}/units/${unitId}`;

/** Saves every row with recognisable texts (as the unit's reporter) and returns the new view. */
export async function fillReport(t: TestApp, cookie: string, url: string, tag = '') {
  const view = (await t.request('GET', url, cookie)).json() as { version: number; rows: ReportRowView[] };
  const res = await t.request('PUT', url, cookie, {
    version: view.version,
    fillerName: '张填报',
    reviewerName: '',
    phone: '0518-85882331',
    rows: view.rows.map((r) => ({
      seq: r.seq,
      situation: `第${r.seq}项排查情况${tag}`,
      measures: `第${r.seq}项整改措施${tag}`,
      progress: `第${r.seq}项整改进度${tag}`,
    })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number; status: string; rows: ReportRowView[] };
}

/** Fills the report as `reporter` and submits it as `head`; returns the submitted view. */
export async function fillAndSubmit(t: TestApp, reporter: string, head: string, url: string) {
  const saved = await fillReport(t, reporter, url);
  const res = await t.request('POST', `${url}/submit`, head, { version: saved.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Ledger rows straight into the problems table (the ledger's own API is tested elsewhere). */
export async function addProblems(
  t: TestApp,
  p: { campaignId: number; unitId: number; seq: number; statuses: ProblemStatus[]; deadline?: string },
) {
  const checkItem = await checkItemId(t, p.campaignId, p.seq);
  for (const [i, status] of p.statuses.entries()) {
    await insertProblem(t, {
      campaign_id: p.campaignId,
      check_item_id: checkItem,
      unit_id: p.unitId,
      description: `问题${i + 1}`,
      found_date: '2019-12-20',
      deadline: p.deadline ?? '2020-03-31',
      status,
    });
  }
}
