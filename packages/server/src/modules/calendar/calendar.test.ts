// The 节假日 calendar on both databases: the shipped 2020 days as the API shows them, the
// office's edits and its all-or-nothing import from real .xlsx and .csv files, the export read
// back, and "N 个工作日内".
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { importCalendarFile } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { auditActions } from '../../test/tables.js';

interface Day {
  date: string;
  kind: string;
  name: string;
  source: string;
  shipped: { kind: string; name: string } | null;
}

async function workbook(rows: (string | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('节假日');
  ws.addRow(['2027年节假日安排']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('working-day calendar on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  const year = async (y: number) => {
    const res = await t.request('GET', `/api/calendar?year=${y}`, reporter);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { year: number; shipped: boolean; days: Day[]; workingDays: number; today: string };
  };
  const day = (days: Day[], date: string) => days.find((d) => d.date === date);

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-02T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    reporter = (await t.userIn('中云街道', 'reporter')).cookie;
  });
  afterAll(() => t.close());

  it('shows 2020 as the State Council set it, the Spring Festival extended', async () => {
    const y = await year(2020);
    expect(y).toMatchObject({ year: 2020, shipped: true, today: '2020-01-02', workingDays: 249 });
    expect(day(y.days, '2020-01-19')).toMatchObject({ kind: 'workday', name: '春节', source: 'shipped' });
    expect(day(y.days, '2020-02-01')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(day(y.days, '2020-02-02')).toMatchObject({ kind: 'holiday', name: '春节' });
    for (const d of ['2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'])
      expect(day(y.days, d)?.kind, d).toBe('workday');
    expect((await year(2027)).shipped).toBe(false);
  });

  it('counts N working days over the holidays', async () => {
    const res = await t.request('GET', '/api/calendar/working-days?from=2020-01-23&n=3', reporter);
    expect(res.json()).toEqual({ from: '2020-01-23', n: 3, date: '2020-02-05' });
  });

  it('lets the office change a day and take the change back; a street may not', async () => {
    const body = { kind: 'holiday', name: '防疫停工' };
    expect((await t.request('PUT', '/api/calendar/days/2020-03-02', reporter, body)).statusCode).toBe(403);
    let y = (await t.request('PUT', '/api/calendar/days/2020-03-02', admin, body)).json();
    expect(day(y.days, '2020-03-02')).toMatchObject({ kind: 'holiday', source: 'office', shipped: null });
    expect(y.workingDays).toBe(248);
    // 照常 over a shipped holiday: 8 October is worked after all.
    y = (
      await t.request('PUT', '/api/calendar/days/2020-10-08', admin, { kind: 'ordinary', name: '' })
    ).json();
    expect(day(y.days, '2020-10-08')).toMatchObject({
      kind: 'ordinary',
      source: 'office',
      shipped: { kind: 'holiday' },
    });
    expect(y.workingDays).toBe(249);
    for (const d of ['2020-03-02', '2020-10-08'])
      expect((await t.request('DELETE', `/api/calendar/days/${d}`, admin)).statusCode).toBe(200);
    y = await year(2020);
    expect(y.workingDays).toBe(249);
    expect(day(y.days, '2020-10-08')).toMatchObject({ kind: 'holiday', source: 'shipped' });
    // Taking back what is not there changes nothing and records nothing.
    const audited = (await auditActions(t, 'calendar')).length;
    expect((await t.request('DELETE', '/api/calendar/days/2020-10-08', admin)).statusCode).toBe(200);
    expect(await auditActions(t, 'calendar')).toHaveLength(audited);
    expect(await auditActions(t, 'calendar')).toEqual(
      expect.arrayContaining(['calendar.day', 'calendar.day_reset']),
    );
  });

  it('imports a year all or nothing, with a report per row', async () => {
    const header = ['日期', '类型', '名称'];
    const bad = await workbook([
      header,
      ['2027-01-01', '放假', '元旦'],
      ['2027-01-29', '调休上班', '春节'],
      ['2027-02-30', '放假', '春节'],
      ['2027-01-31', '休假', '春节'],
      ['2027-01-01', '放假', '元旦'],
    ]);
    const report = (await importCalendarFile(t, admin, '2027.xlsx', bad)).json();
    expect(report).toMatchObject({ rows: 5, accepted: 2, rejected: 3, imported: 0 });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 5, column: '日期', value: '2027-02-30' }),
      expect.objectContaining({ row: 6, column: '类型', value: '休假' }),
      expect.objectContaining({ row: 7, column: '日期', message: '与第3行重复' }),
    ]);
    expect((await year(2027)).days).toEqual([]);

    const good = await workbook([
      header,
      [new Date(Date.UTC(2027, 0, 1)), '放假', '元旦'],
      ['2027-01-29', '调休上班', '春节'],
      ['2027/1/31', '放假', '春节'],
      ['2027年2月1日', '放假', '春节'],
    ]);
    const checked = (await importCalendarFile(t, admin, '2027.xlsx', good, 'check')).json();
    expect(checked).toMatchObject({ rows: 4, rejected: 0, imported: 0 });
    expect((await importCalendarFile(t, reporter, '2027.xlsx', good)).statusCode).toBe(403);
    const done = (await importCalendarFile(t, admin, '2027.xlsx', good)).json();
    expect(done).toMatchObject({ rows: 4, accepted: 4, rejected: 0, imported: 4 });
    const y = await year(2027);
    expect(y.days.map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2027-01-01', 'holiday', 'office'],
      ['2027-01-29', 'workday', 'office'],
      ['2027-01-31', 'holiday', 'office'],
      ['2027-02-01', 'holiday', 'office'],
    ]);
  });

  it('exports a year as .xlsx and .csv, and the .csv imports back unchanged', async () => {
    const xlsx = await t.request('GET', '/api/calendar/export?year=2020', reporter);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('2020年节假日');
    const rows = (ws?.getSheetValues() ?? []).slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['日期', '星期', '类型', '名称', '来源']);
    expect(rows).toContainEqual(['2020-01-19', '星期日', '调休上班', '春节', '国务院通知']);
    expect(rows).toContainEqual(['2020-05-04', '星期一', '放假', '劳动节', '国务院通知']);
    // 2020: 30 days off (元旦 1, 春节 10, 清明 3, 劳动节 5, 端午 3, 国庆中秋 8) + 6 调休 days.
    expect(rows).toHaveLength(1 + 30 + 6);

    const csv = await t.request('GET', '/api/calendar/export?year=2027&format=csv', reporter);
    expect(csv.headers['content-type']).toContain('text/csv');
    const back = (await importCalendarFile(t, admin, '2027.csv', csv.rawPayload)).json();
    expect(back).toMatchObject({ rows: 4, rejected: 0, imported: 4 });
    expect((await year(2027)).days).toHaveLength(4);
    expect(await auditActions(t, 'calendar')).toContain('calendar.import');
  });
});
