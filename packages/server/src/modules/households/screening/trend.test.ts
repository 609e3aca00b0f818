// The data-quality trend: each run records, per street × rule that ran, the findings open after it
// and the roll's households routed to the street; a street reads only its own rows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';
import { runImport } from '../import/import.service.js';
import { runScreening } from './screening.service.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-trend-'));
const HEAD = '户编号,姓名,证件号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,人均纯收入,乡镇';
// 中云街道: four households, one head's ID fails its check digit (…2017 should end 2016).
// 猴嘴街道: two households, H6 with two 户主. 朝阳街道: one household, nothing wrong.
const FIRST = [
  HEAD,
  'H1,张一,320703199001011231,户主,1,一般贫困户,已脱贫,30000,中云街道',
  'H2,张二,320703198505052017,户主,1,一般贫困户,已脱贫,30000,中云街道',
  'H3,张三,320703197003031018,户主,1,一般贫困户,已脱贫,30000,中云街道',
  'H4,张四,320703196004042013,户主,1,一般贫困户,已脱贫,30000,中云',
  'H5,李一,320703195005053019,户主,1,一般贫困户,已脱贫,30000,猴嘴街道',
  'H6,李二,320703195506064015,户主,2,一般贫困户,已脱贫,30000,猴嘴街道',
  'H6,李三,320703198007075012,户主,2,一般贫困户,已脱贫,30000,猴嘴街道',
  'H8,王一,320703199509097013,户主,1,一般贫困户,已脱贫,30000,朝阳街道',
];
// The second roll: the ID corrected; 猴嘴街道 gains a household, H6 still has two heads.
const SECOND = [
  ...FIRST.slice(0, 2),
  'H2,张二,320703198505052016,户主,1,一般贫困户,已脱贫,30000,中云街道',
  ...FIRST.slice(3),
  'H7,李四,320703199008086017,户主,1,一般贫困户,已脱贫,30000,猴嘴街道',
];

interface Point {
  runId: number;
  date: string;
  unitId: number;
  rule: string;
  findings: number;
  households: number;
}

describe.each(DIALECTS)('data-quality trend on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  const importRoll = async (name: string, lines: string[]) => {
    const file = path.join(dir, `${name}-${dialect}.csv`);
    writeFileSync(file, lines.join('\n'));
    const r = await runImport(t.ctx, {
      source: 'national',
      path: file,
      fileName: `${name}.csv`,
      format: 'csv',
      actorId: null,
    });
    expect(r.status).toBe('committed');
  };
  const unitId = async (name: string) =>
    (await t.ctx.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('gives two points per street × rule after two runs, with the findings per household of each', async () => {
    await importRoll('first', FIRST);
    const first = (await runScreening(t.ctx, null)).summary.runId;
    t.clock.set('2019-12-22T02:00:00Z');
    await importRoll('second', SECOND);
    const second = (await runScreening(t.ctx, null)).summary.runId;

    admin = await t.login('admin', ADMIN_PASSWORD); // the clock moved past the first session
    const res = await t.request('GET', '/api/households/trend?campaignId=1', admin);
    expect(res.statusCode).toBe(200);
    const { units, points } = res.json() as { units: { id: number; name: string }[]; points: Point[] };
    const zhongyun = await unitId('中云街道');
    const houzui = await unitId('猴嘴街道');
    expect(units.map((u) => u.name).sort()).toEqual(['中云街道', '猴嘴街道', '朝阳街道'].sort());
    const at = (run: number, unit: number, rule: string) =>
      points.find((p) => p.runId === run && p.unitId === unit && p.rule === rule);
    // 中云 names itself without 街道 in H4's row: the place resolver still routes it there.
    expect(at(first, zhongyun, 'id_invalid')).toMatchObject({ findings: 1, households: 4 });
    expect(at(second, zhongyun, 'id_invalid')).toMatchObject({ findings: 0, households: 4 });
    expect(at(first, houzui, 'household_head_count')).toMatchObject({ findings: 1, households: 2 });
    expect(at(second, houzui, 'household_head_count')).toMatchObject({ findings: 1, households: 3 });
    expect(at(second, houzui, 'household_head_count')?.date).toBe('2019-12-22');
    // Every rule that ran has one point per street per run: a rule that found nothing is 0, not a gap.
    expect(at(second, await unitId('朝阳街道'), 'id_invalid')).toMatchObject({ findings: 0, households: 1 });
    for (const unit of [zhongyun, houzui])
      for (const rule of new Set(points.map((p) => p.rule)))
        expect(points.filter((p) => p.unitId === unit && p.rule === rule).map((p) => p.runId)).toEqual([
          first,
          second,
        ]);
  });

  it("puts each street's rate in the latest run into the scorecard workbook", async () => {
    admin = await t.login('admin', ADMIN_PASSWORD);
    const res = await t.request('GET', '/api/supervision/scorecard/export?campaignId=1', admin);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('数据质量');
    if (!ws) throw new Error('no 数据质量 sheet');
    expect(ws.getCell('A1').value).toBe('各街道数据质量（最近一次数据比对）');
    expect(String(ws.getCell('A2').value)).toContain('比对日期：2019年12月22日');
    const rows: unknown[][] = [];
    ws.eachRow((r, i) => {
      const v = (r.values as unknown[]).slice(2, 6);
      if (i > 4 && typeof v[1] === 'number') rows.push(v);
    });
    expect(rows).toEqual([
      ['中云街道', 4, 0, '0.00'],
      ['猴嘴街道', 3, 1, '33.33'],
      ['朝阳街道', 1, 0, '0.00'],
    ]);
  });

  it('keeps a street the screenings measured from being deleted', async () => {
    // 朝阳街道 has a household with nothing wrong: tallied at 0, no problem filed.
    admin = await t.login('admin', ADMIN_PASSWORD);
    const res = await t.request('DELETE', `/api/units/${await unitId('朝阳街道')}`, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('数据比对记录');
  });

  it('shows a street only its own street', async () => {
    const street = await t.userIn('中云街道', 'reporter');
    const zhongyun = await unitId('中云街道');
    const res = await t.request('GET', '/api/households/trend', street.cookie);
    expect(res.statusCode).toBe(200);
    const { units, points } = res.json() as { units: { id: number }[]; points: Point[] };
    expect(units.map((u) => u.id)).toEqual([zhongyun]);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.unitId === zhongyun)).toBe(true);
  });
});
