import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { importLedger } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { countRows } from '../../test/tables.js';

/** A ledger as units keep it: a title row, headers in their own words and order, a date cell. */
async function ledgerFile(
  rows: unknown[][],
  headers = [
    '序号(排查事项)',
    '存在问题',
    '发现时间',
    '整改方式',
    '整改期限',
    '原因分析',
    '整改措施',
    '责任领导',
    '责任人',
    '来源',
  ],
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['中云街道脱贫攻坚问题排查整改台账']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('ledger import on %s', (dialect) => {
  let t: TestApp;
  let reporter: { cookie: string };
  const count = () => countRows(t, 'problems');

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2019-12-23T02:00:00Z' });
    reporter = await t.userIn('中云街道', 'reporter');
  });
  afterAll(() => t.close());

  const good = [
    13,
    '漏评一户',
    new Date(Date.UTC(2019, 11, 18)),
    '限期整改',
    '2020-03-31',
    '把关不严',
    '重新评议',
    '王某',
    '李某',
    '自查',
  ];
  const bad = [
    [5, '资金拨付慢', '2019-12-18', '限期整改', '2020-03-31', '', '', '', '', ''],
    [22, '', '2019/12/19', '立即整改', '', '', '', '', '', '巡查'],
    [32, '住危房', '2019年12月40日', '限期整改', '', '', '', '', '', ''],
  ];

  it('reports every bad cell with row, column and reason, and stores nothing', async () => {
    const file = await ledgerFile([good, ...bad]);
    for (const mode of ['check', 'all']) {
      const res = await importLedger(t, reporter.cookie, file, mode);
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ rows: 4, accepted: 1, rejected: 3, imported: 0 });
      expect(r.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            row: 5,
            column: '排查事项序号',
            message: '第5项不是本单位承担的排查事项',
          }),
          expect.objectContaining({ row: 6, column: '问题描述' }),
          expect.objectContaining({ row: 6, column: '整改方式', value: '立即整改' }),
          expect.objectContaining({ row: 6, column: '问题来源', value: '巡查' }),
          expect.objectContaining({ row: 7, column: '发现日期', value: '2019年12月40日' }),
        ]),
      );
    }
    expect(await count()).toBe(0);
  });

  it('reports every fault of a row at once', async () => {
    const row = [99, '', '2019-12-18', '限期整改', '', '', '', '', '', '随手拍'];
    const res = await importLedger(t, reporter.cookie, await ledgerFile([row]), 'check');
    const columns = res
      .json()
      .errors.map((e: { column: string }) => e.column)
      .sort();
    expect(columns).toEqual(['排查事项序号', '问题描述', '问题来源', '整改时限'].sort());
  });

  it('imports only the valid rows when asked to, in one go, with history', async () => {
    const res = await importLedger(t, reporter.cookie, await ledgerFile([good, ...bad]), 'valid');
    expect(res.json()).toMatchObject({ accepted: 1, imported: 1 });
    const list = (await t.request('GET', '/api/problems', reporter.cookie)).json();
    expect(list.items[0]).toMatchObject({
      description: '漏评一户',
      foundDate: '2019-12-18',
      deadline: '2020-03-31',
      responsibleLeader: '王某',
      unit: { name: '中云街道' },
    });
    const detail = (await t.request('GET', `/api/problems/${list.items[0].id}`, reporter.cookie)).json();
    expect(detail.events[0]).toMatchObject({ kind: 'imported', text: '从Excel台账导入（第4行）' });
  });

  it('imports a clean file whole with mode=all', async () => {
    const before = await count();
    const rows = [good, [14, '动态管理未落实', '2019-12-20', '立行立改', '', '', '', '', '', '']];
    const res = await importLedger(t, reporter.cookie, await ledgerFile(rows), 'all');
    expect(res.json()).toMatchObject({ rows: 2, accepted: 2, imported: 2, errors: [] });
    expect(await count()).toBe(before + 2);
  });

  it('says clearly what is wrong with a file that is not a ledger', async () => {
    const noHeader = await ledgerFile([[1, 2, 3]], ['甲', '乙', '丙']);
    const res = await importLedger(t, reporter.cookie, noHeader, 'check');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('没有找到表头行');
    const notExcel = await importLedger(t, reporter.cookie, Buffer.from('这不是Excel'), 'check');
    expect(notExcel.statusCode).toBe(422);
    const missingCol = await ledgerFile([[13, '问题', '2019-12-18']], ['事项序号', '问题描述', '发现日期']);
    const r3 = await importLedger(t, reporter.cookie, missingCol, 'check');
    expect(r3.json().error.message).toContain('整改方式');
  });

  it('serves a template that imports back', async () => {
    const res = await t.request('GET', '/api/problems/import-template', reporter.cookie);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题台账');
    expect(ws?.getRow(1).getCell(1).value).toBe('排查事项序号');
    ws?.addRow([
      15,
      '',
      '国扶系统与阳光扶贫人口数不一致',
      '2019-12-21',
      '某村',
      '',
      '',
      '核对更正',
      '',
      '',
      '限期整改',
      '2020-01-31',
      '',
      '',
    ]);
    const back = await importLedger(t, reporter.cookie, Buffer.from(await wb.xlsx.writeBuffer()), 'all');
    expect(back.json()).toMatchObject({ rows: 1, imported: 1 });
  });

  it('imports the template re-saved by another program: no styles, no 批注, stored entries', async () => {
    // What a script or another spreadsheet program leaves of the template: the parts ExcelJS's
    // loader needed (styles, comments and their drawings, theme, document properties) gone, the
    // rest stored uncompressed, the header cells still pointing at styles that no longer exist.
    const res = await t.request('GET', '/api/problems/import-template', reporter.cookie);
    const src = await JSZip.loadAsync(res.rawPayload);
    const dropped = /comments|vmlDrawing|styles\.xml|theme|docProps/;
    const out = new JSZip();
    for (const [name, entry] of Object.entries(src.files)) {
      if (entry.dir || dropped.test(name)) continue;
      let text = await entry.async('string');
      text = text
        .replace(
          /<Relationship [^>]*Target="[^"]*(comments|vmlDrawing|styles|theme|docProps)[^"]*"[^>]*\/>/g,
          '',
        )
        .replace(
          /<Override [^>]*PartName="[^"]*(comments|vmlDrawing|styles|theme|docProps)[^"]*"[^>]*\/>/g,
          '',
        )
        .replace(/<legacyDrawing [^>]*\/>/g, '');
      if (name === 'xl/worksheets/sheet1.xml') {
        const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
        const row = `<row r="2"><c r="A2"><v>15</v></c>${cell('C2', '国扶系统与阳光扶贫人口数不一致')}${cell('D2', '2019-12-21')}${cell('E2', '某村')}${cell('H2', '核对更正')}${cell('K2', '限期整改')}${cell('L2', '2020-01-31')}</row>`;
        text = text.replace('</sheetData>', `${row}</sheetData>`);
      }
      out.file(name, text);
    }
    const bytes = await out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    expect(Object.keys((await JSZip.loadAsync(bytes)).files).some((f) => dropped.test(f))).toBe(false);
    const back = await importLedger(t, reporter.cookie, bytes, 'all');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ rows: 1, imported: 1 });
  });

  it('lets the office import for named units and refuses unknown units', async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const headers = ['排查事项序号', '问题描述', '发现日期', '整改方式', '整改时限', '责任单位', '问题来源'];
    const file = await ledgerFile(
      [
        [5, '专项资金拨付滞后', '2019-12-20', '限期整改', '2020-02-28', '区财政局', '审计'],
        [13, '漏评', '2019-12-20', '限期整改', '2020-02-28', '不存在街道', '巡察'],
      ],
      headers,
    );
    const res = await importLedger(t, admin, file, 'all');
    expect(res.json()).toMatchObject({ accepted: 1, rejected: 1, imported: 0 });
    expect(res.json().errors[0]).toMatchObject({
      row: 5,
      column: '责任单位',
      message: '单位“不存在街道”不存在',
    });
  });
});
