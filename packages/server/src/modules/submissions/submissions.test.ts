import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPdf, tinyPng, upload } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { addProblems, ids } from '../../test/reports.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

interface Milestone {
  id: number;
  kind: string;
  dueDate: string;
}

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').getCell('A1').value = '工作方案';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('milestone submissions on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let head: string;
  let campaignId: number;
  let zy: number;
  let milestones: Milestone[];
  const url = (kind: string, unitId = zy) =>
    `/api/campaigns/${campaignId}/submissions/${milestones.find((m) => m.kind === kind)?.id}/units/${unitId}`;
  const fileId = async (name: string, bytes: Buffer) => {
    const res = await upload(t, reporter, name, bytes);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const travel = async (iso: string) => {
    t.clock.set(iso);
    admin = await t.login('admin', ADMIN_PASSWORD);
    reporter = await t.login('zy_r', 'zy_r-password');
    head = await t.login('zy_h', 'zy_h-password');
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2019-12-14T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    reporter = (await t.userIn('中云街道', 'reporter', 'zy_r')).cookie;
    head = (await t.userIn('中云街道', 'unit_head', 'zy_h')).cookie;
    const found = await ids(t, admin);
    campaignId = found.campaignId;
    zy = found.unit('中云街道');
    const grid = (await t.request('GET', `/api/campaigns/${campaignId}/submissions`, admin)).json();
    milestones = grid.milestones;
  });
  afterAll(() => t.close());

  it('lists the four non-monthly milestones as columns', () => {
    expect(milestones.map((m) => [m.kind, m.dueDate])).toEqual([
      ['plan', '2019-12-15'],
      ['problem_list', '2019-12-24'],
      ['rectification', '2020-05-31'],
      ['summary', '2020-06-30'],
    ]);
  });

  it('drafts the work plan with a sealed scan; a scan must be a PDF or an image', async () => {
    const bad = await fileId('工作方案.xlsx', await xlsxBytes());
    const rejected = await t.request('PUT', url('plan'), reporter, {
      version: 0,
      content: '已向党工委报告',
      files: [{ attachmentId: bad, kind: 'scan' }],
    });
    expect(rejected.statusCode).toBe(400);
    const scan = await fileId('工作方案（盖章）.pdf', tinyPdf());
    const res = await t.request('PUT', url('plan'), reporter, {
      version: 0,
      content: '已向街道党工委、办事处主要领导报告；明确分管领导和责任科室；召开部署会。',
      files: [
        { attachmentId: scan, kind: 'scan' },
        { attachmentId: bad, kind: 'other' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', version: 1, timeliness: 'pending' });
    expect(
      res
        .json()
        .files.map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(['other', 'scan']);
    // Someone else's upload, or one already used, cannot be claimed.
    const stale = await t.request('PUT', url('plan'), head, { version: 0, content: 'x' });
    expect(stale.json().error.code).toBe('version_conflict');
    const other = await t.userIn('猴嘴街道', 'reporter');
    const theirs = (await upload(t, other.cookie, '扫描.png', tinyPng())).json().id;
    const stolen = await t.request('PUT', url('plan'), reporter, {
      version: 1,
      files: [{ attachmentId: theirs, kind: 'scan' }],
    });
    expect(stolen.statusCode).toBe(400);
  });

  it("hides another unit's submission exactly like a missing one", async () => {
    const other = await t.userIn('猴嘴街道', 'reporter');
    const denied = await t.request('GET', url('plan'), other.cookie);
    const missing = await t.request('GET', url('plan', 99999), other.cookie);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual(missing.json());
  });

  it('is submitted by the unit head on the due day (on time), returned, and resubmitted', async () => {
    expect((await t.request('POST', `${url('plan')}/submit`, reporter, { version: 1 })).statusCode).toBe(403);
    await travel('2019-12-15T15:00:00Z'); // 23:00 on the due day in China
    let res = await t.request('POST', `${url('plan')}/submit`, head, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time', submittedBy: 'zy_h' });
    res = await t.request('POST', `${url('plan')}/return`, admin, { version: 2, reason: '扫描件缺公章' });
    expect(res.json()).toMatchObject({ status: 'returned', returnReason: '扫描件缺公章' });
    const again = await fileId('工作方案（盖章）2.png', tinyPng());
    const current = res
      .json()
      .files.map((f: { id: number; kind: string }) => ({ attachmentId: f.id, kind: f.kind }));
    res = await t.request('PUT', url('plan'), reporter, {
      version: 3,
      files: [
        ...current.filter((f: { kind: string }) => f.kind !== 'scan'),
        { attachmentId: again, kind: 'scan' },
      ],
    });
    expect(res.json().files.map((f: { name: string }) => f.name)).toEqual([
      '工作方案.xlsx',
      '工作方案（盖章）2.png',
    ]);
    await travel('2019-12-17T02:00:00Z');
    res = await t.request('POST', `${url('plan')}/submit`, head, { version: 4 });
    expect(res.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time', returnReason: '' });
    res = await t.request('POST', `${url('plan')}/accept`, admin, { version: 5 });
    expect(res.json()).toMatchObject({ status: 'accepted' });
    expect((await t.request('PUT', url('plan'), reporter, { version: 6, content: '改' })).statusCode).toBe(
      409,
    );
    expect(res.json().history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'submit',
      'return',
      'save',
      'submit',
      'accept',
    ]);
  });

  it("attaches the unit's problem list generated from the ledger (12-24 only)", async () => {
    await addProblems(t, { campaignId, unitId: zy, seq: 13, statuses: ['pending', 'rectifying'] });
    await addProblems(t, { campaignId, unitId: zy, seq: 4, statuses: ['closed'] });
    expect(
      (await t.request('POST', `${url('plan')}/problem-list`, reporter, { version: 6 })).statusCode,
    ).toBe(400);
    const res = await t.request('POST', `${url('problem_list')}/problem-list`, reporter, { version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json().files[0];
    expect(file).toMatchObject({ kind: 'problem_list', name: '中云街道问题清单（2019年12月17日）.xlsx' });
    const dl = await t.request('GET', `/api/files/${file.id}`, admin);
    expect(dl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(String(ws.getCell('A1').value)).toBe('开发区脱贫攻坚问题大排查问题清单');
    expect(ws.getRow(4).values).toEqual([
      undefined,
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
    expect([5, 6, 7].map((r) => ws.getCell(r, 4).value)).toEqual([4, 13, 13]);
    expect(ws.getCell('J5').value).toBe('已销号');
  });

  it('asks the 06-30 summary for 经验做法 and 建章立制 before it can be submitted', async () => {
    const scan = await fileId('总结.pdf', tinyPdf());
    let res = await t.request('PUT', url('summary'), reporter, {
      version: 0,
      content: '工作总结',
      files: [{ attachmentId: scan, kind: 'scan' }],
    });
    expect(res.json().needs).toEqual({ summaryFields: true, problemList: false });
    res = await t.request('POST', `${url('summary')}/submit`, head, { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.missing).toEqual(['经验做法', '建章立制情况']);
    await t.request('PUT', url('summary'), reporter, {
      version: 1,
      experience: '网格化排查',
      institutions: '建立月报制度',
    });
    res = await t.request('POST', `${url('summary')}/submit`, head, { version: 2 });
    expect(res.json()).toMatchObject({
      status: 'submitted',
      experience: '网格化排查',
      timeliness: 'on_time',
    });
  });

  it('shows the office the units × milestones grid with on-time, pending and missing', async () => {
    await travel('2019-12-25T02:00:00Z');
    const g = (await t.request('GET', `/api/campaigns/${campaignId}/submissions`, admin)).json();
    const row = (name: string) => g.units.find((u: { unit: { name: string } }) => u.unit.name === name);
    const byKind = (name: string, kind: string) =>
      row(name).cells.find(
        (c: { milestoneId: number }) => c.milestoneId === milestones.find((m) => m.kind === kind)?.id,
      );
    expect(byKind('中云街道', 'plan')).toMatchObject({ status: 'accepted', timeliness: 'on_time' });
    expect(byKind('中云街道', 'problem_list')).toMatchObject({ status: 'draft', timeliness: 'missing' });
    expect(byKind('中云街道', 'summary')).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    expect(byKind('猴嘴街道', 'plan')).toMatchObject({ status: 'not_started', timeliness: 'missing' });
    expect(byKind('猴嘴街道', 'rectification')).toMatchObject({ timeliness: 'pending' });
    expect(g.totals[0]).toMatchObject({ expected: 9, submitted: 1, onTime: 1, missing: 8 });
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });
});
