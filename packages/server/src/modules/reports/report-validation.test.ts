// Monthly reports that agree with the ledger: the validation rules beside each row, the head's
// explanation at submission, the snapshot a submitted report keeps, 按台账生成, the prefill of a
// new month, and the phone number.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import {
  addProblems,
  fillReport,
  type ReportRowView,
  reportUrl,
  startReportDesk,
  travelDesk,
} from '../../test/reports.js';

interface View {
  version: number;
  status: string;
  explanation: string;
  snapshotAt: string | null;
  submittedAt: string | null;
  validation: { seq: number; rule: string; severity: string; message: string }[];
  rows: (ReportRowView & { prefill: string | null })[];
}

const NONE = '经排查，未发现问题。';

describe.each(DIALECTS)('monthly report validation on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let head: string;
  let campaignId: number;
  let zy: number;
  let url: string;
  beforeAll(async () => {
    ({ t, admin, reporter, head, campaignId, zy, url } = await startReportDesk(
      dialect,
      '2020-01-02T02:00:00Z',
    ));
    await addProblems(t, { campaignId, unitId: zy, seq: 13, statuses: ['pending', 'rectifying', 'closed'] });
    await addProblems(t, { campaignId, unitId: zy, seq: 8, statuses: ['pending', 'awaiting_review'] });
  });
  afterAll(() => t.close());

  const travel = async (iso: string) => {
    ({ admin, reporter, head } = await travelDesk(t, iso));
  };
  const view = async (cookie = reporter, u = url) => (await t.request('GET', u, cookie)).json() as View;
  const row = (v: View, seq: number) => v.rows.find((r) => r.seq === seq) as View['rows'][number];
  const rulesOf = (v: View) => v.validation.map((x) => `${x.seq}:${x.rule}`);

  it('flags each rule beside its row: empty, 未发现问题 against the ledger, problems the ledger lacks, a count that differs', async () => {
    const filled = await fillReport(t, reporter, url);
    const res = await t.request('PUT', url, reporter, {
      version: filled.version,
      rows: [
        ...filled.rows
          .filter((r) => ![1, 2, 8, 13].includes(r.seq))
          .map((r) => ({ seq: r.seq, situation: NONE })),
        { seq: 1, situation: '' },
        { seq: 2, situation: '发现问题2个', measures: '立即整改', progress: '已完成' },
        { seq: 8, situation: '共发现问题5个', measures: '加固', progress: '整改中' },
        { seq: 13, situation: '经排查，未发现问题', measures: '无', progress: '' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    expect(rulesOf(v)).toEqual([
      '1:situation_blank',
      '2:problems_but_ledger_empty',
      '8:count_differs',
      '13:none_but_ledger',
      '13:rectification_blank',
    ]);
    expect(v.validation.find((x) => x.rule === 'none_but_ledger')).toEqual({
      seq: 13,
      rule: 'none_but_ledger',
      severity: 'warning',
      message: '排查情况写“未发现问题”，但台账中本单位此项有3个问题',
    });
    expect(v.validation[0]?.severity).toBe('error');
    expect(v.snapshotAt).toBeNull();
  });

  it('writes rows from the ledger for 按台账生成, only for the unit’s rows that have problems', async () => {
    const res = await t.request('GET', `${url}/ledger-texts`, reporter);
    expect(res.statusCode, res.body).toBe(200);
    const texts = res.json() as { asOf: string; rows: { seq: number; found: number; situation: string }[] };
    expect(texts.asOf).toBe('2020-01-02');
    expect(texts.rows.map((r) => [r.seq, r.found])).toEqual([
      [8, 2],
      [13, 3],
    ]);
    expect(texts.rows[1]).toMatchObject({
      situation: '经排查，发现问题3个：1.问题1；2.问题2；3.问题3。',
      progress: '截至2020年1月2日，已整改1个（已销号1个、待销号0个），正在整改2个。',
    });
    expect((await t.request('GET', `${url}/ledger-texts`, admin)).statusCode).toBe(403);
    const other = await t.userIn('猴嘴街道', 'reporter');
    expect((await t.request('GET', `${url}/ledger-texts`, other.cookie)).statusCode).toBe(404);
  });

  it('refuses an empty row, then asks the head to explain the warnings; the office reads the explanation', async () => {
    let v = await view();
    let res = await t.request('POST', `${url}/submit`, head, { version: v.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      message: '报送前请填写：第1项的排查情况',
      details: { missingSeqs: [1] },
    });
    v = (
      await t.request('PUT', url, reporter, { version: v.version, rows: [{ seq: 1, situation: NONE }] })
    ).json();
    res = await t.request('POST', `${url}/submit`, head, { version: v.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe(
      '第2、8、13项与台账不一致或整改情况未填（4条提示）：请修改，或填写说明后报送',
    );
    expect(res.json().error.details.violations).toHaveLength(4);
    res = await t.request('POST', `${url}/submit`, head, { version: v.version, explanation: '  ' });
    expect(res.statusCode).toBe(422);
    expect((await view()).status).toBe('draft');

    const explanation = '第13项问题系区里交办，街道正在核实；第2项问题已当场整改，未录入台账。';
    res = await t.request('POST', `${url}/submit`, head, { version: v.version, explanation });
    expect(res.statusCode, res.body).toBe(200);
    const submitted = res.json() as View;
    expect(submitted).toMatchObject({ status: 'submitted', explanation, snapshotAt: submitted.submittedAt });
    const office = await view(admin);
    expect(office.explanation).toBe(explanation);
    expect(rulesOf(office)).toEqual([
      '2:problems_but_ledger_empty',
      '8:count_differs',
      '13:none_but_ledger',
      '13:rectification_blank',
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'monthly_report.submit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ explanation, warnings: expect.any(Array) });
  });

  it('keeps the figures it was submitted with, through acceptance and in the export, while the ledger moves on', async () => {
    await addProblems(t, {
      campaignId,
      unitId: zy,
      seq: 13,
      statuses: ['pending', 'pending', 'closed', 'pending', 'rectifying'],
    });
    await travel('2020-01-03T02:00:00Z');
    const before = await view(admin);
    expect(row(before, 13).counts).toMatchObject({ found: 3, closed: 1 });
    const accepted = await t.request('POST', `${url}/accept`, admin, { version: before.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = accepted.json() as View;
    expect(after.status).toBe('accepted');
    expect(row(after, 13).counts).toMatchObject({ found: 3, rectified: 1, closed: 1 });
    expect(after.snapshotAt).toBe(before.snapshotAt);
    expect(rulesOf(after)).toContain('13:none_but_ledger');
    // The ledger itself does show the new problems.
    const ledger = await t.request(
      'GET',
      `/api/problems?campaignId=${campaignId}&unit=${zy}&checkItem=13`,
      admin,
    );
    expect(ledger.json().total).toBe(8);

    const file = await t.request('GET', `${url}/export?format=xlsx`, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    let r = 4;
    while (ws.getCell(r, 1).value !== 13) r++;
    expect(ws.getCell(r, 4).value).toBe('经排查，未发现问题');
    expect(String(ws.getCell(2, 6).value)).toBe('填报时间：2020年1月2日');
    const consolidated = await t.request(
      'GET',
      `/api/campaigns/${campaignId}/monthly-reports/2020-01/export?format=xlsx`,
      admin,
    );
    expect(consolidated.statusCode).toBe(200);
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(consolidated.rawPayload as unknown as ArrayBuffer);
    const sheet = all.worksheets[0] as ExcelJS.Worksheet;
    const texts: string[] = [];
    sheet.eachRow((r) => {
      if (r.getCell(1).value === 13 && r.getCell(7).value === '中云街道')
        texts.push(String(r.getCell(4).value));
    });
    expect(texts).toEqual(['经排查，未发现问题']);
  });

  it("prefills a new month from the ledger where last month's “未发现问题” no longer holds", async () => {
    const feb = reportUrl(campaignId, '2020-02', zy);
    const v = await view(reporter, feb);
    expect(v).toMatchObject({ status: 'not_started', snapshotAt: null });
    expect(row(v, 13)).toMatchObject({ prefill: 'ledger', counts: { found: 8 } });
    expect(row(v, 13).situation).toMatch(/^经排查，发现问题8个：1\.问题1；/);
    expect(row(v, 8)).toMatchObject({ prefill: 'ledger' });
    expect(row(v, 5)).toBeUndefined();
    expect(row(v, 4)).toMatchObject({ prefill: 'previous', situation: NONE });
    expect(rulesOf(v).filter((x) => x.endsWith('none_but_ledger') || x.endsWith('count_differs'))).toEqual(
      [],
    );
    // Saving keeps the prefilled rows as the report's own.
    const saved = await t.request('PUT', feb, reporter, { version: 0, rows: [] });
    expect(row(saved.json(), 13).situation).toMatch(/^经排查，发现问题8个/);
    expect(row(saved.json(), 13).prefill).toBeNull();
  });

  it('takes a mobile or a landline with its area code as 联系电话, and nothing else', async () => {
    const mar = reportUrl(campaignId, '2020-03', zy);
    for (const [phone, message] of [
      ['abc', '联系电话格式不正确，请填写11位手机号，或带区号的固定电话（如 0518-85882331）'],
      ['85882331', '固定电话请加区号，例如 0518-85882331'],
    ] as const) {
      const res = await t.request('PUT', mar, reporter, { version: 0, phone, rows: [] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toContain(message);
    }
    const ok = await t.request('PUT', mar, reporter, { version: 0, phone: '0512-12345678', rows: [] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().phone).toBe('0512-12345678');
    // A number stored before the check existed is refused at submission.
    await t.ctx.db
      .updateTable('monthly_reports')
      .set({ phone: 'abc' })
      .where('period', '=', '2020-03')
      .execute();
    const res = await t.request('POST', `${mar}/submit`, head, { version: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('联系电话');
  });
});
