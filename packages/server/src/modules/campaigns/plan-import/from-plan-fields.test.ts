// What the office corrects in the 从方案导入 wizard before creating, as the server takes it: a new
// unit named otherwise than the plan writes it (区人社局 → 区人力资源和社会保障局), a name an
// existing unit has refused whole, each item's 类别 and retyped texts, and the 月报 months within
// the campaign's span (refused outside it).
import type { FromPlanInput } from '@paicha/core/api/campaign-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';

type Unit = { id: number; name: string; kind: string };
type Item = {
  seq: number;
  category: string;
  subCategory: string;
  subCategoryCell: string;
  content: string;
  unitsText: string;
  units: { id: number; name: string }[];
};

const RENAMED = '区人力资源和社会保障局';

describe.each(DIALECTS)('the office’s corrections to a plan on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let units: Unit[];
  const campaigns = async () => (await t.request('GET', '/api/campaigns', admin)).json().length as number;

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2027-01-10T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    units = (await t.request('GET', '/api/units', admin)).json();
  });
  afterAll(() => t.close());

  function body(extra: Partial<FromPlanInput> = {}): FromPlanInput {
    const finance = units.find((u) => u.name === '区财政局')?.id as number;
    return {
      title: '2027年巩固脱贫成果问题排查',
      docNumber: '连开扶组办〔2027〕1号',
      reportTitle: '2027年问题排查任务分解月报表',
      startDate: '2027-01-01',
      endDate: '2027-06-30',
      monthlyDueDay: 4,
      monthlyPeriods: ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'],
      phases: [],
      milestones: [],
      items: [
        {
          seq: 1,
          category: '三保障',
          subCategory: '就业帮扶（已改）',
          subCategoryCell: '就业帮扶（已改）',
          content: '公益岗位是否按月足额发放补贴（已改）',
          unitsText: '区人社局',
          unitIds: [],
          newUnitNames: [RENAMED],
        },
        {
          seq: 2,
          category: null,
          subCategory: '就业帮扶（已改）',
          subCategoryCell: '',
          content: '资金是否按时拨付',
          unitsText: '区财政局',
          unitIds: [finance],
          newUnitNames: [],
        },
      ],
      newUnits: [{ name: RENAMED, kind: 'department' }],
      ...extra,
    };
  }

  it('refuses a new unit named like an existing one, and 月报 months outside the campaign, storing nothing', async () => {
    const before = await campaigns();
    const clash = await t.request('POST', '/api/campaigns/from-plan', admin, {
      ...body(),
      newUnits: [{ name: '区财政局', kind: 'department' }],
      items: body().items.map((i) => ({ ...i, newUnitNames: i.seq === 1 ? ['区财政局'] : [] })),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'conflict', message: '已有名为“区财政局”的单位' });

    const early = await t.request('POST', '/api/campaigns/from-plan', admin, {
      ...body(),
      monthlyPeriods: ['2026-12', '2027-01'],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('月报月份 2026-12 早于活动开始的月份');
    const late = await t.request('POST', '/api/campaigns/from-plan', admin, {
      ...body(),
      monthlyPeriods: ['2027-07', '2027-08'],
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toBe('月报月份 2027-08 晚于活动结束的下一个月');
    const badCategory = await t.request('POST', '/api/campaigns/from-plan', admin, {
      ...body(),
      items: body().items.map((i) => ({ ...i, category: '三不管' })),
    });
    expect(badCategory.statusCode).toBe(400);
    const blank = await t.request('POST', '/api/campaigns/from-plan', admin, {
      ...body(),
      newUnits: [{ name: ' ', kind: 'department' }],
    });
    expect(blank.statusCode).toBe(400);
    expect(await campaigns()).toBe(before);
    const after = (await t.request('GET', '/api/units', admin)).json() as Unit[];
    expect(after.map((u) => u.name)).not.toContain(RENAMED);
  });

  it('creates the renamed unit, keeps the 类别 and corrected texts, and due months as set', async () => {
    const res = await t.request('POST', '/api/campaigns/from-plan', admin, body());
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { id, unitsCreated } = res.json();
    expect(unitsCreated).toEqual([{ id: expect.any(Number), name: RENAMED, kind: 'department' }]);

    const items = (await t.request('GET', `/api/campaigns/${id}/check-items`, admin)).json() as Item[];
    expect(
      items.map((i) => [i.seq, i.category, i.subCategory, i.subCategoryCell, i.content, i.unitsText]),
    ).toEqual([
      [
        1,
        '三保障',
        '就业帮扶（已改）',
        '就业帮扶（已改）',
        '公益岗位是否按月足额发放补贴（已改）',
        '区人社局',
      ],
      [2, '', '就业帮扶（已改）', '', '资金是否按时拨付', '区财政局'],
    ]);
    expect(items[0]?.units.map((u) => u.name)).toEqual([RENAMED]);

    const c = (await t.request('GET', `/api/campaigns/${id}`, admin)).json() as {
      milestones: { kind: string; period: string | null; dueDate: string }[];
    };
    expect(c.milestones.filter((m) => m.kind === 'monthly').map((m) => [m.period, m.dueDate])).toEqual([
      ['2027-02', '2027-02-04'],
      ['2027-03', '2027-03-04'],
      ['2027-04', '2027-04-04'],
      ['2027-05', '2027-05-04'],
      ['2027-06', '2027-06-04'],
      ['2027-07', '2027-07-04'],
    ]);
  });
});
