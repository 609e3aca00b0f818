// 审计日志 for the office: filters (person, the person's unit, entity, action, China days),
// newest first and paged, the readable detail, the .xlsx export of the same rows (formula text
// stays text), admin only.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { problemBody } from '../../test/problems.js';

type Entry = {
  id: number;
  at: string;
  action: string;
  entity: string;
  actor: { name: string; unit: string } | null;
};

const HOSTILE = '=HYPERLINK("http://x.invalid","点此")';

describe.each(DIALECTS)('audit log page on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let adminId: number;
  let reporter: { id: number; username: string; cookie: string };
  let streetId: number;

  beforeAll(async () => {
    // 2019-12-20 10:00 in China; the street's clerk signs in the next day at 07:30 China time.
    t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    adminId = (await t.request('GET', '/api/auth/me', admin)).json().user.id;
    const created = await t.request('POST', '/api/units', admin, { name: HOSTILE, kind: 'street' });
    streetId = created.json().id;
    await t.request('PATCH', `/api/units/${streetId}`, admin, { name: '浦西街道' });
    t.clock.set('2019-12-20T23:30:00Z');
    reporter = await t.userIn('中云街道', 'reporter');
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.request('GET', `/api/audit/entries?${query}`, admin);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Entry[]; total: number; page: number; pageSize: number };
  };

  it('lists the log newest first, paged, with who did it and their unit', async () => {
    const all = await list('');
    expect(all.total).toBeGreaterThanOrEqual(4);
    const ids = all.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await list('pageSize=1&page=2');
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.id).toBe(ids[1]);
    expect(second.total).toBe(all.total);
  });

  it('filters by person, by the person’s unit, by entity and action, and by China days', async () => {
    const mine = await list(`actor=${reporter.id}`);
    expect(mine.items.map((e) => e.action)).toEqual(['auth.login']);
    expect(mine.items[0]?.actor?.name).toBe(reporter.username);
    expect(mine.items[0]?.actor?.unit).toBe('中云街道');
    const street = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const zhongyun = street.find((u) => u.name === '中云街道')?.id;
    expect((await list(`unit=${zhongyun}`)).items.map((e) => e.action)).toEqual(['auth.login']);
    const units = await list('entity=unit');
    expect(units.items.map((e) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect((await list('action=unit.update')).total).toBe(1);
    expect((await list(`entity=unit&entityId=${streetId}&actor=${adminId}`)).total).toBe(2);
    // 23:30 UTC on the 20th is the 21st in China.
    expect((await list('from=2019-12-21&action=auth.login')).items.map((e) => e.actor?.name)).toEqual([
      '系统管理员',
      reporter.username,
    ]);
    const day = await list('to=2019-12-20');
    expect(day.items.every((e) => e.at < '2019-12-20T16:00:00.000Z')).toBe(true);
    expect(day.items.map((e) => e.action)).toContain('unit.create');
    expect((await list('from=2019-12-22')).total).toBe(0);
  });

  it('gives each row its detail as data for the page to show', async () => {
    const [update] = (await list('action=unit.update')).items as (Entry & { detail: unknown })[];
    expect(update?.detail).toMatchObject({ before: { name: HOSTILE }, patch: { name: '浦西街道' } });
  });

  it("names each row's object as it is called now: a person, a unit, a problem", async () => {
    const named = async (query: string) =>
      (await list(query)).items.map((e) => (e as Entry & { entityName: string | null }).entityName);
    expect(await named(`entity=unit&entityId=${streetId}`)).toEqual(['浦西街道', '浦西街道']);
    expect(await named(`action=auth.login&actor=${adminId}`)).toContain('系统管理员（admin）');
    expect(await named(`action=auth.login&actor=${reporter.id}`)).toEqual([reporter.username]);
    const campaignId = (await t.request('GET', '/api/campaigns', admin)).json()[0].id as number;
    const description =
      '低保对象名单未按季度在村务公开栏公示，群众反映强烈，需要尽快整改落实到位并建立长效机制';
    const recorded = await t.request('POST', '/api/problems', admin, {
      ...problemBody(campaignId, { description }),
      unitId: (await t.request('GET', '/api/units', admin))
        .json()
        .find((u: { name: string }) => u.name === '中云街道').id,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const problemId = recorded.json().problem.id as number;
    expect(await named(`entity=problem&entityId=${problemId}`)).toEqual([`${description.slice(0, 30)}…`]);
  });

  it('refuses bad filters in Chinese', async () => {
    const res = await t.request('GET', '/api/audit/entries?from=2019-13-01', admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('开始日期');
    for (const q of ['entity=%00', 'action=a%00b', 'entityId=%00']) {
      const bad = await t.request('GET', `/api/audit/entries?${q}`, admin);
      expect(bad.statusCode, q).toBe(400);
      expect((await t.request('GET', `/api/audit/entries/export?${q}`, admin)).statusCode, q).toBe(400);
    }
  });

  it('exports the filtered rows as .xlsx with Chinese labels, readable detail and formulas kept as text', async () => {
    const res = await t.request('GET', '/api/audit/entries/export?entity=unit', admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志'));
    const body = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志');
    if (!ws) throw new Error('no sheet');
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([
      '序号',
      '时间',
      '操作人',
      '账号',
      '所属单位',
      '操作',
      '对象',
      '对象编号',
      '对象名称',
      '详细内容',
    ]);
    expect(ws.rowCount).toBe(3);
    expect(row(2).slice(2, 8)).toEqual([
      '系统管理员',
      'admin',
      '区领导小组办公室',
      '修改单位',
      '单位',
      String(streetId),
    ]);
    expect(row(2)[1]).toBe('2019年12月20日 10:00:00');
    // The unit as it is called now, on the row that named it otherwise too.
    expect(row(2)[8]).toBe('浦西街道');
    expect(row(3)[8]).toBe('浦西街道');
    expect(String(row(2)[9])).toContain(`名称：${HOSTILE} → 浦西街道`);
    expect(row(3)[5]).toBe('添加单位');
    expect(String(row(3)[9])).toContain(`名称：${HOSTILE}`);
    // The hostile name is a string cell: no sheet holds a formula.
    const zip = await JSZip.loadAsync(body);
    const sheets = Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/'));
    for (const f of sheets) expect(await zip.file(f)?.async('string')).not.toContain('<f>');
  });

  it('is the office’s alone', async () => {
    const leader = await t.userIn('区领导小组办公室', 'leader');
    for (const cookie of [reporter.cookie, leader.cookie]) {
      expect((await t.request('GET', '/api/audit/entries', cookie)).statusCode).toBe(403);
      expect((await t.request('GET', '/api/audit/entries/export', cookie)).statusCode).toBe(403);
    }
    expect((await t.request('GET', '/api/audit/entries')).statusCode).toBe(401);
  });
});
