import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { firstCampaignId, type ProblemBody, problemBody } from '../../test/problems.js';

type Listed = {
  items: {
    id: number;
    unit: { name: string };
    checkItem: number;
    status: string;
    overdue: boolean;
    deadline: string | null;
  }[];
  total: number;
};

describe.each(DIALECTS)('ledger lists, counts, exports and access on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let zhongyun: { cookie: string };
  let houzui: { cookie: string };
  let campaignId: number;
  const ids: Record<string, number[]> = { 中云街道: [], 猴嘴街道: [] };

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-10T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    zhongyun = await t.userIn('中云街道', 'reporter');
    houzui = await t.userIn('猴嘴街道', 'reporter');
    campaignId = await firstCampaignId(t, admin);
    const add = async (who: { cookie: string }, unit: string, o: Partial<ProblemBody>) => {
      const res = await t.request('POST', '/api/problems', who.cookie, problemBody(campaignId, o));
      expect(res.statusCode, res.body).toBe(200);
      ids[unit]?.push(res.json().problem.id);
    };
    await add(zhongyun, '中云街道', { checkItem: 13, deadline: '2020-01-05', description: '漏评户未纳入' });
    await add(zhongyun, '中云街道', {
      checkItem: 22,
      deadline: '2020-03-31',
      description: '适龄儿童辍学未劝返',
      place: '东风村',
    });
    await add(zhongyun, '中云街道', {
      checkItem: 32,
      mode: '立行立改',
      deadline: null,
      description: '住D级危房',
      source: '群众来访',
    });
    await add(houzui, '猴嘴街道', { checkItem: 13, deadline: '2020-01-08', description: '错评户未清退' });
    await add(houzui, '猴嘴街道', { checkItem: 33, deadline: '2020-04-30', description: '自来水未入户' });
  });
  afterAll(() => t.close());

  const list = async (cookie: string, qs: string) => {
    const res = await t.request('GET', `/api/problems?${qs}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Listed;
  };

  it('lists in the contract shape, scoped: a street sees its own problems only', async () => {
    const all = await list(admin, `campaignId=${campaignId}`);
    expect(all.total).toBe(5);
    expect(all.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        checkItem: expect.any(Number),
        unit: expect.objectContaining({ id: expect.any(Number), name: expect.any(String) }),
        source: expect.any(String),
        status: 'pending',
        description: expect.any(String),
      }),
    );
    const mine = await list(zhongyun.cookie, '');
    expect(mine.items.map((i) => i.unit.name)).toEqual(['中云街道', '中云街道', '中云街道']);
    // Asking for another street's problems still yields only one's own.
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const houzuiId = units.find((u) => u.name === '猴嘴街道')?.id;
    const probing = await list(zhongyun.cookie, `unit=${houzuiId}`);
    expect(probing.items.every((i) => i.unit.name === '中云街道')).toBe(true);
  });

  it("answers another street's problem with the same 404 as a missing one, for reads and writes", async () => {
    const theirs = ids.猴嘴街道?.[0];
    const missing = await t.request('GET', '/api/problems/999999', zhongyun.cookie);
    for (const [method, url, body] of [
      ['GET', `/api/problems/${theirs}`, undefined],
      ['PATCH', `/api/problems/${theirs}`, { version: 1, measures: 'x' }],
      [
        'POST',
        `/api/problems/${theirs}/progress`,
        { version: 1, date: '2020-01-10', text: 'x', attachmentIds: [] },
      ],
      ['POST', `/api/problems/${theirs}/submit`, { version: 1, text: '' }],
    ] as const) {
      const res = await t.request(method, url, zhongyun.cookie, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toEqual(missing.json());
    }
  });

  it('filters by item, category, status, source, mode, overdue, deadline range and text; sorts and pages', async () => {
    expect((await list(admin, 'checkItem=13')).total).toBe(2);
    expect((await list(admin, 'category=三保障')).total).toBe(3);
    expect((await list(admin, 'source=群众来访')).total).toBe(1);
    expect((await list(admin, 'mode=立行立改')).total).toBe(1);
    const overdue = await list(admin, 'overdue=1');
    expect(overdue.items.map((i) => i.deadline).sort()).toEqual(['2020-01-05', '2020-01-08']);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect((await list(admin, 'overdue=0')).total).toBe(3);
    expect((await list(admin, 'deadlineFrom=2020-03-01&deadlineTo=2020-04-30')).total).toBe(2);
    expect((await list(admin, `q=${encodeURIComponent('东风村')}`)).total).toBe(1);
    expect((await list(admin, `q=${encodeURIComponent('100%')}`)).total).toBe(0);
    expect((await list(admin, `q=${encodeURIComponent('猴嘴')}`)).total).toBe(2);
    const someId = ids.中云街道?.[1];
    expect((await list(admin, `q=${someId}`)).items.map((i) => i.id)).toContain(someId);
    expect((await list(admin, 'status=pending,closed')).total).toBe(5);
    const sorted = await list(admin, 'sort=deadline&order=asc&pageSize=2&page=1');
    expect(sorted.total).toBe(5);
    expect(sorted.items).toHaveLength(2);
    const page3 = await list(admin, 'sort=deadline&order=asc&pageSize=2&page=3');
    expect(page3.items).toHaveLength(1);
    const bad = await t.request('GET', '/api/problems?status=nonsense', admin);
    expect(bad.statusCode).toBe(400);
  });

  it('counts per unit and per item, scoped the same way', async () => {
    const byUnit = (await t.request('GET', '/api/problems/counts?groupBy=unit', admin)).json() as {
      label: string;
      found: number;
      overdue: number;
    }[];
    expect(byUnit.find((r) => r.label === '中云街道')).toMatchObject({ found: 3, overdue: 1 });
    expect(byUnit.find((r) => r.label === '猴嘴街道')).toMatchObject({ found: 2, overdue: 1 });
    expect(byUnit.find((r) => r.label === '区财政局')).toMatchObject({ found: 0 });
    const byItem = (await t.request('GET', '/api/problems/counts?groupBy=item', admin)).json() as {
      key: number;
      found: number;
    }[];
    expect(byItem).toHaveLength(37);
    expect(byItem.find((r) => r.key === 13)?.found).toBe(2);
    const bySource = (await t.request('GET', '/api/problems/counts?groupBy=source', admin)).json() as {
      label: string;
      found: number;
    }[];
    expect(bySource.find((r) => r.label === '群众来访')?.found).toBe(1);
    expect(bySource.find((r) => r.label === '自查')?.found).toBe(4);
    expect(bySource).toHaveLength(11);
    expect((await list(admin, `source=${encodeURIComponent('巡视,审计,群众来访')}`)).total).toBe(1);
    const mine = (await t.request('GET', '/api/problems/counts?groupBy=unit', zhongyun.cookie)).json() as {
      label: string;
    }[];
    expect(mine.map((r) => r.label)).toEqual(['中云街道']);
  });

  it('exports the three lists as a real workbook with title, unit, date and widths', async () => {
    const res = await t.request('GET', '/api/problems/export?list=all', zhongyun.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '中云街道问题清单、责任清单、整改清单',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '责任清单', '整改清单']);
    const ws = wb.getWorksheet('问题清单');
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('开发区脱贫攻坚问题大排查问题清单');
    expect(ws.getCell('A2').value).toBe('填报单位：中云街道');
    expect(String(ws.getCell(2, 6).value)).toBe('导出时间：2020年1月10日');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      '序号',
      '问题编号',
      '排查项目',
      '事项序号',
      '问题来源',
      '问题描述',
      '地点（村/户）',
      '发现时间',
      '责任单位',
      '整改状态',
    ]);
    const descriptions = [5, 6, 7].map((r) => ws.getCell(r, 6).value);
    expect(descriptions.sort()).toEqual(['住D级危房', '漏评户未纳入', '适龄儿童辍学未劝返'].sort());
    expect(ws.getColumn(6).width).toBeGreaterThan(30);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '4:4' });
    const resp = wb.getWorksheet('责任清单');
    expect(resp?.getCell(5, 5).value).toBe('王某');
    // Nothing of another street leaks into the file.
    expect(JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()))).not.toContain('猴嘴');
  });
});
