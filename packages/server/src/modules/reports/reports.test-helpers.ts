// Shared by the report, timeliness and export tests: find ids, fill a unit's report, put problems
// in the ledger without going through its API.
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.js';

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
  p: { campaignId: number; unitId: number; seq: number; statuses: string[]; deadline?: string },
) {
  const item = await t.ctx.db
    .selectFrom('check_items')
    .select('id')
    .where('campaign_id', '=', p.campaignId)
    .where('seq', '=', p.seq)
    .executeTakeFirstOrThrow();
  const at = t.clock.now().toISOString();
  await t.ctx.db
    .insertInto('problems')
    .values(
      p.statuses.map((status, i) => ({
        campaign_id: p.campaignId,
        check_item_id: item.id,
        unit_id: p.unitId,
        source: '自查' as const,
        description: `问题${i + 1}`,
        found_date: '2019-12-20',
        place: '',
        household_ref: null,
        cause: '',
        measures: '',
        responsible_leader: '',
        responsible_person: '',
        deadline_reason: '',
        version: 1,
        return_reason: '',
        created_by: null,
        submitted_at: null,
        closed_at: null,
        finding_key: null,
        screening_cleared_at: null,
        mode: '限期整改' as const,
        deadline: p.deadline ?? '2020-03-31',
        status: status as 'pending',
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

export async function auditActions(t: TestApp, entity: string) {
  const rows = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', entity)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}
