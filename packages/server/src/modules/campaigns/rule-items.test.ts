// Screening rules file their findings under the campaign's item for the rule: a rule with none
// still runs, its findings are recorded and reported (unmapped, unfiled) but kept out of the
// ledger until the office gives it an item; then they file under that item, found by id through
// a reorder. A campaign imported from a plan's table starts with every rule unmapped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { unitIdByName } from '../../test/tables.js';
import { runImport } from '../households/import/import.service.js';
import { runScreening } from '../households/screening/screening.service.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-rule-items-'));
// H1: 已脱贫 with 5000 a year, under the line (income_below_line), in 中云街道.
const NATIONAL = [
  '户编号,姓名,证件号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,人均纯收入,乡镇',
  'H1,张三,320703199001011231,户主,1,一般贫困户,已脱贫,5000,中云街道',
].join('\n');
const RULE = 'income_below_line';

describe.each(DIALECTS)('screening rule → item on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  const campaignId = 1;
  const url = (p: string) => `/api/campaigns/${campaignId}${p}`;
  const version = async () => (await t.request('GET', url('/structure'), admin)).json().version as number;
  const groupProblems = () =>
    t.ctx.db
      .selectFrom('problems as p')
      .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
      .select(['p.id', 'i.seq', 'i.content'])
      .where('p.finding_rule', '=', RULE)
      .execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
    const file = path.join(dir, `national-${dialect}.csv`);
    writeFileSync(file, NATIONAL);
    const r = await runImport(t.ctx, {
      source: 'national',
      path: file,
      fileName: 'n.csv',
      format: 'csv',
      actorId: null,
    });
    expect(r.status).toBe('committed');
  });
  afterAll(async () => t?.close());

  it('reports an unmapped rule and keeps its findings out of the ledger, then files them once mapped', async () => {
    const off = await t.request('PUT', url(`/rule-items/${RULE}`), admin, {
      version: await version(),
      seq: null,
      reason: '本活动暂不按此规则登记问题',
    });
    expect(off.statusCode, off.body).toBe(200);
    const rules = (await t.request('GET', url('/rule-items'), admin)).json();
    expect(rules.find((r: { ruleId: string }) => r.ruleId === RULE).checkItem).toBeNull();

    const first = await runScreening(t.ctx, null);
    const outcome = first.summary.rules.find((r) => r.id === RULE);
    expect(outcome).toMatchObject({ unmapped: true, checkItem: 0 });
    expect(outcome?.findings).toBe(1);
    expect(first.summary.unfiled).toBe(1);
    expect(await groupProblems()).toEqual([]);
    const finding = await t.ctx.db
      .selectFrom('findings')
      .select(['check_item', 'problem_id'])
      .where('rule_id', '=', RULE)
      .executeTakeFirstOrThrow();
    expect(finding).toEqual({ check_item: 0, problem_id: null });

    const on = await t.request('PUT', url(`/rule-items/${RULE}`), admin, {
      version: await version(),
      seq: 3,
      reason: '按区领导小组意见并入第3项',
    });
    expect(on.statusCode, on.body).toBe(200);
    const second = await runScreening(t.ctx, null);
    expect(second.summary.rules.find((r) => r.id === RULE)).toMatchObject({ unmapped: false, checkItem: 3 });
    expect(second.summary.unfiled).toBe(0);
    const [problem] = await groupProblems();
    expect(problem?.seq).toBe(3);
    const item3 = problem?.content;

    // Item 3 moves to 序号 1: the rule follows it, and so do its findings at the next run.
    const moved = await t.request('POST', url('/check-items/3/move'), admin, {
      version: await version(),
      to: 1,
      reason: '调整顺序',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const third = await runScreening(t.ctx, null);
    expect(third.summary.rules.find((r) => r.id === RULE)?.checkItem).toBe(1);
    expect((await groupProblems()).map((p) => [p.seq, p.content])).toEqual([[1, item3]]);
    const refiled = await t.ctx.db
      .selectFrom('findings')
      .select('check_item')
      .where('rule_id', '=', RULE)
      .executeTakeFirstOrThrow();
    expect(refiled.check_item).toBe(1);

    // Its item now has a problem: removing it is refused.
    const removed = await t.request('POST', url('/check-items/1/remove'), admin, {
      version: await version(),
      reason: '删除',
    });
    expect(removed.statusCode).toBe(409);
  });

  it('starts a campaign imported from a plan table with every rule unmapped', async () => {
    const unitId = await unitIdByName(t, '中云街道');
    const res = await t.request('POST', '/api/campaigns/from-plan', admin, {
      title: '导入的排查活动',
      docNumber: '',
      reportTitle: '导入的排查活动月报表',
      startDate: '2020-03-01',
      endDate: '2020-06-30',
      monthlyDueDay: 4,
      phases: [],
      milestones: [],
      items: [
        {
          seq: 1,
          subCategory: '收入',
          subCategoryCell: '收入',
          content: '是否存在收入低于标准的脱贫户。',
          unitsText: '中云街道',
          unitIds: [unitId],
          newUnitNames: [],
        },
      ],
      newUnits: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const rules = (await t.request('GET', `/api/campaigns/${res.json().id}/rule-items`, admin)).json();
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r: { checkItem: unknown }) => r.checkItem === null)).toBe(true);
  });
});
