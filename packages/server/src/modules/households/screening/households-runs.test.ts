// Screening runs over time: a run whose process died does not block the next; streets see when
// runs happened but not the district's totals; the admin's unmasked view shows the people a
// finding's text names; re-mapping a place name moves its open findings and ledger problems.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';
import { runImport } from '../import/import.service.js';
import { runScreening } from './screening.service.js';
import { THIS_OWNER } from './screening-owner.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-hh-runs-'));

// 新坝乡 is no street's name: its findings wait for the office to map it.
const NATIONAL = [
  '户编号,姓名,证件号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,人均纯收入,乡镇',
  'H1,张三,320703199001011231,户主,1,一般贫困户,已脱贫,5000,新坝乡',
  'H2,李四,320703198505052017,户主,1,一般贫困户,未脱贫,8000,新坝乡',
].join('\n');

describe.each(DIALECTS)('screening runs on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
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

  const insertRunning = (owner: string) =>
    t.ctx.db
      .insertInto('screening_runs')
      .values({
        campaign_id: 1,
        status: 'running',
        started_at: t.ctx.clock.now().toISOString(),
        heartbeat_at: t.ctx.clock.now().toISOString(),
        owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  it('retires a run whose process is gone, and still refuses to start beside a live one', async () => {
    // A pid above Linux's pid_max (4,194,304): no such process.
    const dead = await insertRunning(`${hostname()}:99999999`);
    const live = await insertRunning(THIS_OWNER);
    const refused = await t.request('POST', '/api/households/screenings', admin, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conflict');
    const retired = await t.ctx.db
      .selectFrom('screening_runs')
      .select(['status', 'message'])
      .where('id', '=', dead.id)
      .executeTakeFirstOrThrow();
    expect(retired.status).toBe('failed');
    expect(retired.message).toContain('比对中断');
    await t.ctx.db.deleteFrom('screening_runs').where('id', '=', live.id).execute();
    const { summary } = await runScreening(t.ctx, null);
    expect(summary.findings).toBeGreaterThan(0);
  });

  it('shows streets when runs happened but not the district totals', async () => {
    const street = await t.userIn('中云街道', 'reporter');
    const seen = (await t.request('GET', '/api/households/screenings', street.cookie)).json();
    const done = seen.find((r: { status: string }) => r.status === 'done');
    expect(done.summary).toEqual({});
    const office = (await t.request('GET', '/api/households/screenings?campaignId=1', admin)).json();
    expect(office.find((r: { id: number }) => r.id === done.id).summary.findings).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/households/screenings?campaignId=999', admin)).json()).toEqual([]);
  });

  it('stores text with backslash sequences exactly as written (COPY escapes them)', async () => {
    const file = path.join(dir, `education-${dialect}.csv`);
    // Backslash sequences that mean NULL, tab and newline to COPY's text format, as plain text.
    writeFileSync(
      file,
      '学生姓名,学生身份证号,学校名称,年级,在校状态\n张三,320703199001011231,实验学校,三年级,休学-见附件\\N\\t\\说明\\\n',
    );
    const r = await runImport(t.ctx, {
      source: 'education',
      path: file,
      fileName: 'e.csv',
      format: 'csv',
      actorId: null,
    });
    expect(r.status, JSON.stringify(r.errors)).toBe('committed');
    const rows = await t.ctx.db
      .selectFrom(`household_rows_${r.importId}` as never)
      .select(['remarks', 'enrolled', 'name'] as never)
      .execute();
    expect(rows).toEqual([{ remarks: '休学-见附件\\N\\t\\说明\\', enrolled: 0, name: '张三' }]);
  });

  it('sorts findings by the column asked, and refuses an unknown one', async () => {
    const households = async (query: string) =>
      (await t.request('GET', `/api/households/findings?${query}`, admin))
        .json()
        .items.map((f: { householdId: string }) => f.householdId);
    const down = await households('sort=household&order=desc');
    expect(down.length).toBeGreaterThanOrEqual(2);
    expect(down).toEqual([...down].sort().reverse());
    expect(await households('sort=household')).toEqual([...down].sort());
    const items = (await t.request('GET', '/api/households/findings', admin)).json().items;
    const items2 = items.map((f: { checkItem: number }) => f.checkItem);
    expect(items2).toEqual([...items2].sort((a: number, b: number) => a - b));
    expect((await t.request('GET', '/api/households/findings?sort=name', admin)).statusCode).toBe(400);
  });

  it("exports the findings streamed, in the list's order and masked like it", async () => {
    const list = (await t.request('GET', '/api/households/findings?sort=household&order=desc', admin)).json();
    const res = await t.request('GET', '/api/households/findings/export?sort=household&order=desc', admin);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题线索');
    if (!ws) throw new Error('no sheet');
    const rows = list.items.map((_: unknown, i: number) => ws.getRow(i + 2));
    expect(rows.map((r: ExcelJS.Row) => r.getCell(7).value)).toEqual(
      list.items.map((f: { householdId: string }) => f.householdId),
    );
    expect(rows.map((r: ExcelJS.Row) => r.getCell(10).value)).toEqual(
      list.items.map((f: { detail: string }) => f.detail),
    );
    expect(ws.rowCount).toBe(list.total + 1);
  });

  it('unmasks the people a finding names for the admin only', async () => {
    const list = (await t.request('GET', '/api/households/findings?rule=id_invalid', admin)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].detail).toContain('李*（3207**********2017）');
    expect(list.items[0].detail).not.toContain('李四');
    const open = (
      await t.request('GET', `/api/households/findings/${list.items[0].id}?unmasked=1`, admin)
    ).json();
    expect(open.detail).toContain('李四（320703198505052017）');
    expect(open.detail).not.toContain('*');
  });

  it('routes a mapped place to its street and moves open problems when the office re-maps it', async () => {
    const zhongyun = await t.userIn('中云街道', 'reporter');
    const houzui = await t.userIn('猴嘴街道', 'reporter');
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const unitId = (name: string) => units.find((u) => u.name === name)?.id;
    const places = (await t.request('GET', '/api/households/places?status=open', admin)).json();
    const place = places.find((p: { name: string }) => p.name === '新坝乡');
    expect(place).toBeDefined();

    const first = await t.request('POST', `/api/households/places/${place.id}`, admin, {
      unitId: unitId('中云街道'),
    });
    expect(first.statusCode, first.body).toBe(200);
    const routed = first.json().routed;
    expect(routed).toBeGreaterThanOrEqual(2);
    // The street's groups (one per rule) hold the place's findings.
    const groupsOf = async (cookie: string) => {
      const list = (await t.request('GET', '/api/problems?source=数据比对', cookie)).json();
      return list.items as { id: number; description: string; findings: { total: number } }[];
    };
    const findingsIn = (groups: { findings: { total: number } }[]) =>
      groups.reduce((n, g) => n + g.findings.total, 0);
    const inZhongyun = await groupsOf(zhongyun.cookie);
    expect(findingsIn(inZhongyun)).toBe(routed);
    expect(inZhongyun.every((g) => g.description.includes('（中云街道，'))).toBe(true);

    const again = await t.request('POST', `/api/households/places/${place.id}`, admin, {
      unitId: unitId('猴嘴街道'),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().routed).toBe(routed);
    // Nobody had worked on 中云街道's groups: emptied, they are gone; 猴嘴街道's hold the findings.
    expect(await groupsOf(zhongyun.cookie)).toEqual([]);
    const moved = await groupsOf(houzui.cookie);
    expect(findingsIn(moved)).toBe(routed);
    expect(moved.every((g) => g.description.includes('（猴嘴街道，'))).toBe(true);
    const findings = (await t.request('GET', '/api/households/findings', houzui.cookie)).json();
    expect(findings.total).toBe(routed);
  });
});
