// Shared by the report, timeliness, export and supervision tests: find ids, sign in the office and
// a street's clerks, fill a unit's report, put problems in the ledger without going through its API.
import type { ProblemStatus } from '@paicha/core';
import { expect } from 'vitest';
import type { DialectName } from '../db/database.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.js';
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

/** The street whose clerks the report tests sign in, and their accounts. */
const STREET = '中云街道';
const CLERKS = { reporter: 'zy_reporter', head: 'zy_head' } as const;

/** Who takes a report's steps: the office, the street's reporter (fills) and its head (报送). */
export interface ReportCookies {
  admin: string;
  reporter: string;
  head: string;
}

/**
 * An app on `now` with the office and 中云街道's reporter and unit head signed in, and the
 * street's 2020-01 report (`url`).
 */
export async function startReportDesk(dialect: DialectName, now: string) {
  const t = await startTestApp(dialect, { now });
  const admin = await t.login('admin', ADMIN_PASSWORD);
  const reporter = (await t.userIn(STREET, 'reporter', CLERKS.reporter)).cookie;
  const head = (await t.userIn(STREET, 'unit_head', CLERKS.head)).cookie;
  const found = await ids(t, admin);
  const zy = found.unit(STREET);
  return {
    t,
    admin,
    reporter,
    head,
    campaignId: found.campaignId,
    zy,
    url: reportUrl(found.campaignId, '2020-01', zy),
  };
}

/** Sessions last 12 hours: moving the clock by days means all three sign in again. */
export async function travelDesk(t: TestApp, iso: string): Promise<ReportCookies> {
  t.clock.set(iso);
  return {
    admin: await t.login('admin', ADMIN_PASSWORD),
    reporter: await t.login(CLERKS.reporter, `${CLERKS.reporter}-password`),
    head: await t.login(CLERKS.head, `${CLERKS.head}-password`),
  };
}

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
