import type { NewProblem } from '@paicha/core/api/problems';
import { expect } from 'vitest';
import type { DialectName } from '../db/database.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.js';

/** What a client sends to file a problem (fields with defaults may be left out). */
export type ProblemBody = NewProblem;

/** A valid problem body for item 13 (a street item), with overrides. */
export function problemBody(campaignId: number, overrides: Partial<ProblemBody> = {}): ProblemBody {
  return {
    campaignId,
    checkItem: 13,
    source: '自查',
    description: '某村“两公告四公示”程序资料不全',
    foundDate: '2019-12-18',
    place: '某村',
    cause: '村干部对程序要求理解不到位',
    measures: '组织培训，补齐公示材料',
    responsibleLeader: '王某',
    responsiblePerson: '李某',
    mode: '限期整改',
    deadline: '2020-03-31',
    ...overrides,
  };
}

export async function firstCampaignId(t: TestApp, cookie: string): Promise<number> {
  return (await t.request('GET', '/api/campaigns', cookie)).json()[0].id;
}

/** Files a problem through the API (it must succeed) and returns it. */
export async function recordProblem(t: TestApp, cookie: string, body: ProblemBody) {
  const res = await t.request('POST', '/api/problems', cookie, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().problem as { id: number; version: number; status: string };
}

export interface LedgerApp {
  t: TestApp;
  admin: string;
  reporter: { id: number; username: string; cookie: string };
  campaignId: number;
}

/** An app with the office's admin and a 中云街道 reporter signed in: the ledger tests' start. */
export async function startLedgerApp(dialect: DialectName, now = '2019-12-20T02:00:00Z'): Promise<LedgerApp> {
  const t = await startTestApp(dialect, { now });
  const admin = await t.login('admin', ADMIN_PASSWORD);
  const reporter = await t.userIn('中云街道', 'reporter');
  return { t, admin, reporter, campaignId: await firstCampaignId(t, admin) };
}
