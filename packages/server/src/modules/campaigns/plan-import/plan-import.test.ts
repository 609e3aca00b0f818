import { PLAN_CAMPAIGN, PLAN_CHECK_ITEMS } from '@paicha/core';
import type { FromPlanInput, PlanPreview } from '@paicha/core/api/campaign-import';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';
import { planDocx, postPlan, seedPlan, tableXlsx } from '../../../test/plan-files.js';
import { problemBody, recordProblem } from '../../../test/problems.js';
import { auditActions } from '../../../test/tables.js';

type Item = { seq: number; subCategory: string; content: string; units: { id: number; name: string }[] };

/** Twelve items of a 2021 回头看, 排查项目 merged in Excel, two departments the district lacks. */
const HEADER = ['责任单位', '序号', '排查项目', '排查内容', '整改措施'];
const TWELVE: string[][] = Array.from({ length: 12 }, (_, i) => [
  i < 3 ? '各街道\n区水利局' : i < 5 ? '各街道、区农业农村局' : i === 11 ? '各街道\n区各相关部门' : '各街道',
  String(i + 1),
  i % 4 === 0 ? `回头看第${i / 4 + 1}组` : '',
  `2021年回头看第${i + 1}项：是否按期完成整改并建立长效机制。`,
  '',
]);

/** The body the wizard would send for a preview where every phrase's decision is taken. */
function bodyOf(p: PlanPreview, title: string, extra: Partial<FromPlanInput> = {}): FromPlanInput {
  return {
    title,
    docNumber: p.docNumber,
    reportTitle: p.reportTitle,
    startDate: p.startDate ?? '2021-03-01',
    endDate: p.endDate ?? '2021-08-31',
    monthlyDueDay: p.monthlyDueDay ?? 5,
    monthlyPeriods: p.monthlyPeriods,
    phases: p.phases,
    milestones: p.milestones,
    items: p.items.map((i) => ({
      seq: i.seq,
      category: i.category,
      subCategory: i.subCategory,
      subCategoryCell: i.subCategoryCell,
      content: i.content,
      unitsText: i.unitsText,
      unitIds: [...new Set(i.units.flatMap((u) => u.unitIds))],
      newUnitNames: [],
    })),
    ...extra,
  };
}

describe.each(DIALECTS)('a campaign from a plan table on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let builtIn: Item[];
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2021-02-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    const id = (await t.request('GET', '/api/campaigns', admin)).json()[0].id;
    builtIn = (await t.request('GET', `/api/campaigns/${id}/check-items`, admin)).json();
  });
  afterAll(() => t.close());

  it("reads the 2019 plan's own Word file into the built-in template's 37 items, units and dates", async () => {
    const docx = await planDocx(seedPlan(), { docNumber: '开管扶组办〔2019〕12号' });
    const res = await postPlan(t, admin, '问题大排查工作方案.docx', docx);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const p = res.json() as PlanPreview;
    expect(p).toMatchObject({
      format: 'docx',
      title: '开发区开展脱贫攻坚问题大排查工作方案',
      docNumber: '开管扶组办〔2019〕12号',
      reportTitle: PLAN_CAMPAIGN.reportTitle,
      startDate: '2019-11-28',
      endDate: '2020-06-30',
      monthlyDueDay: 4,
      monthlyPeriods: ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'],
      unresolved: [],
    });
    expect(p.phases).toEqual(PLAN_CAMPAIGN.phases.map(({ seq: _, ...ph }) => ph));
    expect(p.milestones.map((m) => [m.kind, m.dueDate])).toEqual(
      PLAN_CAMPAIGN.milestones.filter((m) => m.kind !== 'monthly').map((m) => [m.kind, m.dueDate]),
    );
    expect(
      p.items.map(({ seq, subCategory, subCategoryCell, content, unitsText }) => ({
        seq,
        subCategory,
        subCategoryCell,
        content,
        unitsText,
      })),
    ).toEqual(PLAN_CHECK_ITEMS.map(({ category: _, ...i }) => i));
    p.items.forEach((item, i) => {
      const ids = [...new Set(item.units.flatMap((u) => u.unitIds))].sort((a, b) => a - b);
      expect(ids, `序号 ${item.seq}`).toEqual(builtIn[i]?.units.map((u) => u.id).sort((a, b) => a - b));
      expect(item.warnings).toEqual([]);
    });
    expect(p.items[36]?.units.map((u) => u.kind)).toEqual(['all_streets', 'all_departments']);

    // Created as it is, the campaign has the template's items and units.
    const created = await t.request(
      'POST',
      '/api/campaigns/from-plan',
      admin,
      bodyOf(p, '2019年问题大排查（导入）'),
    );
    expect(created.statusCode, created.body.slice(0, 300)).toBe(200);
    const id = created.json().id;
    const items = (await t.request('GET', `/api/campaigns/${id}/check-items`, admin)).json() as Item[];
    expect(items.map((i) => [i.seq, i.subCategory, i.content, i.units.map((u) => u.id)])).toEqual(
      builtIn.map((i) => [i.seq, i.subCategory, i.content, i.units.map((u) => u.id)]),
    );
    const c = (await t.request('GET', `/api/campaigns/${id}`, admin)).json();
    expect(c).toMatchObject({ docNumber: '开管扶组办〔2019〕12号', reportTitle: PLAN_CAMPAIGN.reportTitle });
    expect(c.milestones.map((m: { dueDate: string }) => m.dueDate)).toEqual(
      PLAN_CAMPAIGN.milestones.map((m) => m.dueDate).sort(),
    );
  });

  it('makes a 12-item table with two new departments a campaign whose 月报表 has exactly its rows', async () => {
    const xlsx = await tableXlsx('2021年脱贫攻坚回头看任务分解月报表', HEADER, TWELVE, { merge: true });
    const p = (await postPlan(t, admin, '回头看.xlsx', xlsx)).json() as PlanPreview;
    expect(p.reportTitle).toBe('2021年脱贫攻坚回头看任务分解月报表');
    expect(p.items.map((i) => i.seq)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(p.items.map((i) => i.subCategory)).toEqual(
      TWELVE.map((_, i) => `回头看第${Math.floor(i / 4) + 1}组`),
    );
    expect(p.items[1]).toMatchObject({ subCategoryCell: '', unitsText: '各街道\n区水利局' });
    expect(p.unresolved).toEqual(['区水利局', '区农业农村局']);
    expect(p.items[0]?.warnings.join()).toContain('区水利局');
    expect(p.warnings.join()).toContain('整改措施');

    // Left undecided, the import is refused row by row and nothing is stored.
    const before = (await t.request('GET', '/api/campaigns', admin)).json().length;
    const refused = await t.request('POST', '/api/campaigns/from-plan', admin, {
      ...bodyOf(p, '2021年回头看'),
      items: bodyOf(p, '2021年回头看').items.map((i) => (i.seq === 7 ? { ...i, unitIds: [] } : i)),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.rows.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3, 4, 5, 7]);
    expect((await t.request('GET', '/api/campaigns', admin)).json()).toHaveLength(before);

    const body = bodyOf(p, '2021年回头看', {
      docNumber: '开管扶组办〔2021〕3号',
      startDate: '2021-03-01',
      endDate: '2021-08-31',
      monthlyDueDay: 5,
      phases: [{ name: '自查自纠阶段', startDate: '2021-03-01', endDate: '2021-08-31', description: '' }],
      milestones: [{ kind: 'problem_list', title: '报送问题清单', dueDate: '2021-03-31', description: '' }],
      newUnits: [
        { name: '区水利局', kind: 'department' },
        { name: '区农业农村局', kind: 'department' },
      ],
    });
    body.items = body.items.map((i) => ({
      ...i,
      newUnitNames: i.unitsText.includes('水利')
        ? ['区水利局']
        : i.unitsText.includes('农业')
          ? ['区农业农村局']
          : [],
    }));
    const res = await t.request('POST', '/api/campaigns/from-plan', admin, body);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { id, unitsCreated, itemCount } = res.json();
    expect(itemCount).toBe(12);
    expect(unitsCreated.map((u: { name: string }) => u.name)).toEqual(['区水利局', '区农业农村局']);
    expect(await auditActions(t, 'campaign')).toContain('campaign.create_from_plan');

    const items = (await t.request('GET', `/api/campaigns/${id}/check-items`, admin)).json() as Item[];
    expect(items).toHaveLength(12);
    expect(items[0]?.units.map((u) => u.name)).toEqual([
      '中云街道',
      '猴嘴街道',
      '朝阳街道',
      '宋跳街道',
      '区水利局',
    ]);
    expect(items[11]?.units.map((u) => u.name)).toContain('区农业农村局');

    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const zy = units.find((u) => u.name === '中云街道')?.id;
    const exp = await t.request(
      'GET',
      `/api/campaigns/${id}/monthly-reports/2021-04/units/${zy}/export?format=xlsx`,
      admin,
    );
    expect(exp.statusCode, exp.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(String(ws.getCell('A1').value)).toBe('2021年脱贫攻坚回头看任务分解月报表');
    const seqs: unknown[] = [];
    for (let r = 4; typeof ws.getCell(r, 1).value === 'number'; r++) {
      seqs.push(ws.getCell(r, 1).value);
      expect(String(ws.getCell(r, 3).value)).toBe(TWELVE[r - 4]?.[3]);
    }
    expect(seqs).toEqual(items.map((i) => i.seq));
    expect(String(ws.getCell(4 + 12 + 1, 1).value)).toBe('注：此表于每月5日前上报区领导小组办公室。');

    // Dashboard, scorecard and 通报 draft follow the campaign: no 三落实… groups it does not use,
    // its own name in the circular.
    const dash = (await t.request('GET', `/api/supervision/dashboard?campaignId=${id}`, admin)).json();
    expect(dash.campaign.title).toBe('2021年回头看');
    expect(dash.categories).toEqual([]);
    t.clock.set('2021-04-10T02:00:00Z'); // a month into the campaign (the session ends: sign in again)
    admin = await t.login('admin', ADMIN_PASSWORD);
    const circ = await t.request('POST', '/api/supervision/circulars', admin, { campaignId: id });
    expect(circ.statusCode, circ.body.slice(0, 300)).toBe(200);
    expect(circ.json().title).toBe('关于全区2021年回头看\n整改工作进展情况的通报');
    expect(circ.json().intro).toContain('2021年回头看整改工作进展情况');
    expect(circ.json().intro).not.toContain('大排查');
    expect(circ.body).not.toContain('三落实');
    const book = await t.request('GET', `/api/supervision/scorecard/export?campaignId=${id}`, admin);
    expect(book.statusCode, book.body.slice(0, 200)).toBe(200);
    const scWb = new ExcelJS.Workbook();
    await scWb.xlsx.load(book.rawPayload as unknown as ArrayBuffer);
    expect(scWb.worksheets[0]?.getCell('A1').value).toBe('各单位2021年回头看整改工作评分排名表');
  });

  it('creates a campaign the plan gives no phases or 时间节点, within one month', async () => {
    const xlsx = await tableXlsx('专项整治任务分解表', HEADER, TWELVE.slice(4, 7));
    const p = (await postPlan(t, admin, '专项整治.xlsx', xlsx)).json() as PlanPreview;
    expect(p.phases).toEqual([]);
    const res = await t.request(
      'POST',
      '/api/campaigns/from-plan',
      admin,
      bodyOf(p, '专项整治', { startDate: '2021-05-01', endDate: '2021-05-31', phases: [], milestones: [] }),
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const c = (await t.request('GET', `/api/campaigns/${res.json().id}`, admin)).json();
    expect([c.phases, c.milestones]).toEqual([[], []]);
  });

  it('keeps an optional 类别 column: one of the four groups, else none with a warning', async () => {
    const header = ['类别', '序号', '排查项目', '排查内容', '责任单位'];
    const rows = [
      ['三保障', '1', '住房安全', '是否完成危房改造。', '各街道'],
      ['“三精准”', '2', '识别精准', '是否做到应纳尽纳。', '各街道'],
      ['专项整治', '3', '作风', '是否整治形式主义。', '区财政局'],
    ];
    const p = (
      await postPlan(t, admin, '分类.xlsx', await tableXlsx('分类表', header, rows))
    ).json() as PlanPreview;
    expect(p.items.map((i) => i.category)).toEqual(['三保障', '三精准', null]);
    expect(p.items[2]?.warnings.join()).toContain('类别“专项整治”');
    const res = await t.request('POST', '/api/campaigns/from-plan', admin, bodyOf(p, '分类导入'));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const items = (await t.request('GET', `/api/campaigns/${res.json().id}/check-items`, admin)).json();
    expect(items.map((i: { category: string }) => i.category)).toEqual(['三保障', '三精准', '']);
    // A problem on the ungrouped item is listed and read like any other (category '').
    const zy = await t.userIn('区财政局', 'reporter', 'cz_reporter_plan');
    const body = problemBody(res.json().id, {
      checkItem: 3,
      foundDate: '2021-02-20',
      deadline: '2021-03-31',
    });
    const problem = await recordProblem(t, zy.cookie, body);
    const got = await t.request('GET', `/api/problems/${problem.id}`, zy.cookie);
    expect(got.statusCode, got.body.slice(0, 200)).toBe(200);
    const list = await t.request('GET', `/api/problems?campaignId=${res.json().id}`, admin);
    expect(list.statusCode, list.body.slice(0, 200)).toBe(200);
    expect(list.json().total).toBe(1);
  });
});
