// The seeded scenario the supervision tests check every figure against (plan campaign, period
// 2019-12-01 – 2020-02-29, today 2020-03-02). Monthly reports and one problem's returns go
// through the real API on the days they happen; ledger rows, milestone submissions and one
// unit's history are written straight into the tables.

import type { ProblemStatus } from '@paicha/core';
import { expect } from 'vitest';
import { tinyPng, upload } from './files.js';
import { ADMIN_PASSWORD, type TestApp } from './harness.js';
import { problemBody } from './problems.js';
import { fillAndSubmit, ids, reportUrl } from './reports.js';
import { checkItemId, insertProblem, insertProblemEvent, insertSubmission } from './tables.js';

export const PERIOD = { from: '2019-12-01', to: '2020-02-29' };
const TODAY_ISO = '2020-03-02T02:00:00Z';

/** What the scenario adds up to for the period, worked out by hand. */
/** unit → [应报, 按时, 逾期报送, 逾期未报, 发现, 已销号, 逾期, 退回问题, 退回材料, 提交, 得分, 名次] */
export const EXPECTED: Record<string, (number | null)[]> = {
  区财政局: [4, 4, 0, 0, 0, 0, 0, 0, 0, 2, 100, 1],
  区住建局: [4, 2, 2, 0, 2, 2, 0, 0, 0, 2, 87.5, 2],
  区社会事业局: [4, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 6],
  区人社局: [4, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 6],
  资源分局: [4, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 6],
  中云街道: [4, 2, 1, 1, 5, 2, 2, 1, 0, 4, 52.8, 5],
  猴嘴街道: [4, 4, 0, 0, 4, 3, 1, 0, 1, 3, 80, 3],
  朝阳街道: [4, 0, 1, 3, 4, 0, 4, 0, 0, 0, 0, 6],
  宋跳街道: [4, 3, 0, 1, 2, 1, 0, 2, 0, 3, 66.3, 4],
};

export const EXPECTED_GROUPS = {
  责任不到位: ['朝阳街道（逾期未整改问题4个）'],
  工作不主动: [
    '区住建局（逾期报送2次）',
    '区社会事业局（逾期未报4次）',
    '区人社局（逾期未报4次）',
    '资源分局（逾期未报4次）',
    '中云街道（逾期未报1次、逾期报送1次）',
    '朝阳街道（逾期未报3次、逾期报送1次）',
    '宋跳街道（逾期未报1次）',
  ],
  措施不得力: ['宋跳街道（问题销号申请被退回2次）'],
  成效不明显: [
    '中云街道（整改销号率40%，发现问题5个、已销号2个）',
    '朝阳街道（整改销号率0%，发现问题4个、已销号0个）',
    '宋跳街道（整改销号率50%，发现问题2个、已销号1个）',
  ],
};

/** Submitting units get a reporter and a unit head (username = key + _r / _h). */
const STAFFED = { zy: '中云街道', hz: '猴嘴街道', st: '宋跳街道', zj: '区住建局', cz: '区财政局' } as const;
type Staffed = keyof typeof STAFFED;

export interface Scenario {
  campaignId: number;
  unit: (name: string) => number;
  admin: () => Promise<string>;
}

export async function seedScenario(t: TestApp): Promise<Scenario> {
  t.clock.set('2019-12-20T02:00:00Z');
  let admin = await t.login('admin', ADMIN_PASSWORD);
  const { campaignId, unit } = await ids(t, admin);
  for (const [key, name] of Object.entries(STAFFED)) {
    await t.userIn(name, 'reporter', `${key}_r`);
    await t.userIn(name, 'unit_head', `${key}_h`);
  }
  const as = (who: string) => t.login(who, `${who}-password`);
  const travel = async (iso: string) => {
    t.clock.set(iso);
    admin = await t.login('admin', ADMIN_PASSWORD);
  };
  const monthly = async (key: Staffed, period: string, iso: string) => {
    await travel(iso);
    await fillAndSubmit(
      t,
      await as(`${key}_r`),
      await as(`${key}_h`),
      reportUrl(campaignId, period, unit(STAFFED[key])),
    );
  };

  // The ledger on 2019-12-20: [unit, 序号, status, deadline, closed_at, created_at?]
  const rows: [string, number, ProblemStatus, string, string | null, string?][] = [
    ['中云街道', 13, 'closed', '2020-01-31', '2020-01-10T03:00:00.000Z'],
    ['中云街道', 13, 'closed', '2020-03-31', '2020-02-20T03:00:00.000Z'],
    ['中云街道', 13, 'pending', '2020-02-15', null],
    ['中云街道', 13, 'rectifying', '2020-04-30', null],
    ['中云街道', 13, 'awaiting_review', '2020-02-28', null],
    ['猴嘴街道', 22, 'closed', '2020-01-31', '2020-01-20T03:00:00.000Z'],
    ['猴嘴街道', 22, 'closed', '2020-01-31', '2020-01-20T03:00:00.000Z'],
    ['猴嘴街道', 22, 'closed', '2020-01-31', '2020-01-20T03:00:00.000Z'],
    // Closed the day after the period: open and overdue at its end, closed today.
    ['猴嘴街道', 22, 'closed', '2020-02-20', '2020-03-01T03:00:00.000Z'],
    // Recorded after the period: in today's ledger, not in the period's figures.
    ['猴嘴街道', 22, 'pending', '2020-04-30', null, '2020-03-01T02:00:00.000Z'],
    ['朝阳街道', 32, 'pending', '2020-01-31', null],
    ['朝阳街道', 32, 'pending', '2020-01-31', null],
    ['朝阳街道', 32, 'rectifying', '2020-01-31', null],
    ['朝阳街道', 32, 'returned', '2020-01-31', null],
    ['宋跳街道', 25, 'closed', '2020-02-28', '2020-01-25T03:00:00.000Z'],
    ['区住建局', 6, 'closed', '2020-02-28', '2020-02-10T03:00:00.000Z'],
    ['区住建局', 6, 'closed', '2020-02-28', '2020-02-10T03:00:00.000Z'],
  ];
  const problemIds: number[] = [];
  for (const [name, seq, status, deadline, closedAt, createdAt] of rows) {
    problemIds.push(
      await insertProblem(t, {
        campaign_id: campaignId,
        check_item_id: await checkItemId(t, campaignId, seq),
        unit_id: unit(name),
        description: `${name}第${seq}项问题`,
        deadline,
        status,
        closed_at: closedAt,
        created_at: createdAt ?? '2019-12-20T02:00:00.000Z',
      }),
    );
  }
  // 中云's first problem was returned once before it was closed; a later return falls after the period.
  const event = (problemId: number, kind: string, date: string) =>
    insertProblemEvent(t, { problem_id: problemId, kind, event_date: date });
  await event(problemIds[0] as number, 'submit', '2020-01-07');
  await event(problemIds[0] as number, 'return', '2020-01-08');
  await event(problemIds[0] as number, 'submit', '2020-01-09');
  await event(problemIds[4] as number, 'return', '2020-03-01');

  // Milestone submissions (12-15 work plan, 12-24 problem list): the day each was first sent.
  const milestones = await t.ctx.db
    .selectFrom('milestones')
    .select(['id', 'kind'])
    .where('campaign_id', '=', campaignId)
    .execute();
  const sent: [string, string, string][] = [
    ['中云街道', 'plan', '2019-12-14'],
    ['猴嘴街道', 'plan', '2019-12-15'],
    ['猴嘴街道', 'problem_list', '2019-12-24'],
    ['朝阳街道', 'plan', '2019-12-17'],
    ['宋跳街道', 'plan', '2019-12-15'],
    ['宋跳街道', 'problem_list', '2019-12-23'],
    ['区住建局', 'plan', '2019-12-13'],
    ['区住建局', 'problem_list', '2019-12-26'],
    ['区财政局', 'plan', '2019-12-15'],
    ['区财政局', 'problem_list', '2019-12-24'],
  ];
  for (const [name, kind, on] of sent) {
    await insertSubmission(t, {
      campaign_id: campaignId,
      milestone_id: milestones.find((m) => m.kind === kind)?.id as number,
      unit_id: unit(name),
      first_submitted_on: on,
    });
  }

  // Monthly reports through the API, on the days they were sent (due 01-04 and 02-04).
  await monthly('st', '2020-01', '2020-01-02T02:00:00Z');
  await monthly('zy', '2020-01', '2020-01-03T02:00:00Z');
  await monthly('hz', '2020-01', '2020-01-04T02:00:00Z');
  await monthly('cz', '2020-01', '2020-01-04T03:00:00Z');
  await travel('2020-01-05T02:00:00Z');
  const hz = reportUrl(campaignId, '2020-01', unit('猴嘴街道'));
  let v = (await t.request('GET', hz, admin)).json().version as number;
  let res = await t.request('POST', `${hz}/return`, admin, { version: v, reason: '第22项排查情况过于简单' });
  expect(res.statusCode, res.body).toBe(200);
  await travel('2020-01-06T02:00:00Z');
  res = await t.request('POST', `${hz}/submit`, await as('hz_h'), { version: v + 1 });
  expect(res.statusCode, res.body).toBe(200);
  await monthly('zj', '2020-01', '2020-01-10T02:00:00Z');

  // 宋跳 records a problem, submits it twice, and the office returns it twice.
  const st = await as('st_r');
  res = await t.request('POST', '/api/problems', st, {
    ...problemBody(campaignId, { checkItem: 25, foundDate: '2020-01-10', deadline: '2020-05-31' }),
  });
  expect(res.statusCode, res.body).toBe(200);
  const pid = res.json().problem.id as number;
  const file = (await upload(t, st, '照片.png', tinyPng(), 'image/png')).json().id as number;
  res = await t.request('POST', `/api/problems/${pid}/progress`, st, {
    version: 1,
    date: '2020-01-10',
    text: '已补缴医保',
    attachmentIds: [file],
  });
  v = res.json().problem.version;
  for (const [submitDay, returnDay] of [
    ['2020-01-14', '2020-01-15'],
    ['2020-01-18', '2020-01-20'],
  ] as const) {
    await travel(`${submitDay}T02:00:00Z`);
    res = await t.request('POST', `/api/problems/${pid}/submit`, await as('st_r'), { version: v });
    expect(res.statusCode, res.body).toBe(200);
    await travel(`${returnDay}T02:00:00Z`);
    res = await t.request('POST', `/api/problems/${pid}/return`, admin, {
      version: v + 1,
      reason: '佐证不足',
    });
    expect(res.statusCode, res.body).toBe(200);
    v += 2;
  }

  await monthly('hz', '2020-02', '2020-02-03T02:00:00Z');
  await monthly('zj', '2020-02', '2020-02-04T02:00:00Z');
  await monthly('cz', '2020-02', '2020-02-04T03:00:00Z');
  await monthly('zy', '2020-02', '2020-02-06T02:00:00Z');
  await travel(TODAY_ISO);
  return { campaignId, unit, admin: () => t.login('admin', ADMIN_PASSWORD) };
}
