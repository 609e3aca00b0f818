// The exported 月报表 files opened and checked against the plan's table: title, lines, the seven
// columns, rows in 序号 order, merged 排查项目 cells, texts, print set-up, fonts.
import { PLAN_CAMPAIGN, PLAN_CHECK_ITEMS } from '@paicha/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { fillAndSubmit, ids, reportUrl } from '../../test/reports.js';
import { COLUMNS, mergeGroups } from './monthly-table.js';

const GROUPS = mergeGroups(PLAN_CHECK_ITEMS);
const ZY_SEQS = PLAN_CHECK_ITEMS.filter((i) => ![3, 5, 6, 7, 11].includes(i.seq)).map((i) => i.seq);

async function sheet(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const styles = await zip.file('xl/styles.xml')?.async('string');
  expect(wb.worksheets).toHaveLength(1);
  return {
    ws: wb.worksheets[0] as ExcelJS.Worksheet,
    xml: xml ?? '',
    workbook: workbook ?? '',
    styles: styles ?? '',
  };
}

const text = (ws: ExcelJS.Worksheet, addr: string) => String(ws.getCell(addr).value ?? '');

/** Data rows start under the header (row 3) and run while column A holds a 序号. */
function dataRows(ws: ExcelJS.Worksheet) {
  const rows: number[] = [];
  for (let r = 4; typeof ws.getCell(r, 1).value === 'number'; r++) rows.push(r);
  return rows;
}

function pageBreaks(xml: string): number[] {
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

describe.each(DIALECTS)('月报表 exports on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let campaignId: number;
  let unit: (name: string) => number;
  let zyUrl: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-03T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    ({ campaignId, unit } = await ids(t, admin));
    zyUrl = reportUrl(campaignId, '2020-01', unit('中云街道'));
    const r = await t.userIn('中云街道', 'reporter');
    const h = await t.userIn('中云街道', 'unit_head', 'zy_head');
    await fillAndSubmit(t, r.cookie, h.cookie, zyUrl);
  });
  afterAll(() => t.close());

  const get = async (url: string, cookie = admin) => {
    const res = await t.request('GET', url, cookie);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  it("exports a street's .xlsx exactly in the plan's form", async () => {
    const res = await get(`${zyUrl}/export?format=xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '开发区脱贫攻坚工作问题大排查任务分解月报表（中云街道 2020年1月）.xlsx',
    );
    const { ws, xml, workbook, styles } = await sheet(res.rawPayload);
    expect(text(ws, 'A1')).toBe(PLAN_CAMPAIGN.reportTitle);
    expect(ws.model.merges).toContain('A1:G1');
    expect(text(ws, 'A2')).toBe('填报单位：中云街道');
    expect(text(ws, 'D2')).toBe('报告期：2020年1月');
    expect(text(ws, 'F2')).toBe('填报时间：2020年1月3日');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => String(ws.getCell(3, c).value))).toEqual([...COLUMNS]);

    const rows = dataRows(ws);
    expect(rows.map((r) => ws.getCell(r, 1).value)).toEqual(ZY_SEQS);
    const row8 = rows[ZY_SEQS.indexOf(8)] as number;
    expect(ws.getCell(row8, 2).value).toBe('政策落实');
    expect(text(ws, `C${row8}`)).toBe(PLAN_CHECK_ITEMS[7]?.content);
    expect(text(ws, `D${row8}`)).toBe('第8项排查情况');
    expect(text(ws, `E${row8}`)).toBe('第8项整改措施');
    expect(text(ws, `F${row8}`)).toBe('第8项整改进度');
    expect(text(ws, `G${row8}`)).toBe('各街道\n资源分局');

    // 排查项目: consecutive rows share one merged cell exactly when the plan merges them, split
    // only where a page break falls (the label is then printed again on the new page).
    const breaks = pageBreaks(xml);
    const mergedB = new Set(ws.model.merges.filter((m) => m.startsWith('B')));
    for (let i = 0; i + 1 < rows.length; i++) {
      const [a, b] = [rows[i] as number, rows[i + 1] as number];
      const sameGroup = GROUPS.get(ZY_SEQS[i] as number)?.key === GROUPS.get(ZY_SEQS[i + 1] as number)?.key;
      const together = ws.getCell(b, 2).isMerged && ws.getCell(b, 2).master.address !== `B${b}`;
      expect(together, `rows ${ZY_SEQS[i]}/${ZY_SEQS[i + 1]}`).toBe(sameGroup && !breaks.includes(a));
      if (!together) expect(ws.getCell(b, 2).value).toBe(GROUPS.get(ZY_SEQS[i + 1] as number)?.label);
    }
    expect(mergedB).toContain(`B${rows[0]}:B${rows[1]}`); // 1–2 责任落实
    expect(breaks.length).toBeGreaterThan(1);

    const last = (rows.at(-1) as number) + 1;
    expect(text(ws, `A${last}`)).toMatch(/^填报人：张填报\s+审核人：zy_head\s+联系电话：0518-85882331$/);
    expect(text(ws, `A${last + 1}`)).toBe('注：此表于每月4日前上报区领导小组办公室。');

    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(workbook).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;中云街道 2020年1月&apos;!$3:$3</definedName>',
    );
    expect(ws.getColumn(3).width).toBeGreaterThan(ws.getColumn(2).width as number);
    expect(ws.getCell(`D${row8}`).border?.left?.style).toBe('thin');
    expect(ws.getCell(`D${row8}`).alignment?.wrapText).toBe(true);
    expect(styles).toContain('<sz val="10.5"/><name val="仿宋_GB2312"/>');
    expect(ws.getCell('A1').font?.name).toBe('方正小标宋简体');
  });

  it("exports a street's .docx with the same table, header row repeated, A4 landscape", async () => {
    const res = await get(`${zyUrl}/export?format=docx`);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const plain = doc.replace(/<[^>]+>/g, '');
    expect(plain).toContain(PLAN_CAMPAIGN.reportTitle);
    expect(plain).toContain('填报单位：中云街道');
    expect(plain).toContain('填报时间：2020年1月3日');
    expect(plain).toContain('注：此表于每月4日前上报区领导小组办公室。');
    const rows = doc.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(1 + ZY_SEQS.length);
    expect(rows[0]).toContain('<w:tblHeader/>');
    const cellTexts = (row: string) =>
      row
        .split('<w:tc>')
        .slice(1)
        .map((c) => c.replace(/<[^>]+>/g, ''));
    expect(cellTexts(rows[0] as string)).toEqual([...COLUMNS]);
    // Each body row: 序号 first; 排查项目 is written once per merged run (restart), continued below.
    const restarts = (doc.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    const runsOver = [...new Set(ZY_SEQS.map((s) => GROUPS.get(s)?.key))].filter(
      (k) => ZY_SEQS.filter((s) => GROUPS.get(s)?.key === k).length > 1,
    );
    expect(restarts).toBe(runsOver.length);
    expect(rows.slice(1).map((r) => cellTexts(r)[0])).toEqual(ZY_SEQS.map(String));
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    const footer = Object.keys(zip.files).find((f) => f.startsWith('word/footer'));
    expect(footer).toBeTruthy();
  });

  it('exports the consolidated table with one row per responsible unit and its entries', async () => {
    const items = (await t.request('GET', `/api/campaigns/${campaignId}/check-items`, admin)).json() as {
      seq: number;
      units: { name: string }[];
    }[];
    const res = await get(`/api/campaigns/${campaignId}/monthly-reports/2020-01/export?format=xlsx`);
    const { ws } = await sheet(res.rawPayload);
    expect(text(ws, 'A2')).toBe('填报单位：区领导小组办公室（汇总）');
    const rows = dataRows(ws);
    const expected = items.flatMap((i) => i.units.map((u) => ({ seq: i.seq, unit: u.name })));
    expect(rows.length).toBe(expected.length);
    expect(rows.map((r) => [ws.getCell(r, 1).value, text(ws, `G${r}`)])).toEqual(
      expected.map((e) => [e.seq, e.unit]),
    );
    const zyRow = rows[expected.findIndex((e) => e.seq === 13 && e.unit === '中云街道')] as number;
    expect(text(ws, `D${zyRow}`)).toBe('第13项排查情况');
    const hzRow = rows[expected.findIndex((e) => e.seq === 13 && e.unit === '猴嘴街道')] as number;
    expect(text(ws, `D${hzRow}`)).toBe('（未报送）');
    // 序号 and 排查内容 are merged over an item's unit rows.
    const first13 = rows[expected.findIndex((e) => e.seq === 13)] as number;
    expect(ws.model.merges).toContain(`A${first13}:A${first13 + 3}`);
    expect(ws.model.merges).toContain(`C${first13}:C${first13 + 3}`);
    const summary = text(ws, `A${(rows.at(-1) as number) + 1}`);
    expect(summary).toContain('应报9个单位，已报1个（按时1个，逾期0个）');
    expect(summary).toContain('未报送：区财政局');

    const docx = await get(`/api/campaigns/${campaignId}/monthly-reports/2020-01/export?format=docx`);
    const doc =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(doc.split('<w:tr>').length - 1).toBe(1 + expected.length);
  });

  it('lets units download only their own table and never the consolidated one', async () => {
    const other = await t.userIn('猴嘴街道', 'reporter');
    const denied = await t.request('GET', `${zyUrl}/export?format=xlsx`, other.cookie);
    const missing = await t.request('GET', `${reportUrl(campaignId, '2020-01', 99999)}/export`, other.cookie);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual(missing.json());
    const all = await t.request(
      'GET',
      `/api/campaigns/${campaignId}/monthly-reports/2020-01/export`,
      other.cookie,
    );
    expect(all.statusCode).toBe(403);
    const leader = await t.userIn('区领导小组办公室', 'leader');
    await get(`/api/campaigns/${campaignId}/monthly-reports/2020-01/export?format=docx`, leader.cookie);
    const own = await get(`${reportUrl(campaignId, '2020-01', unit('猴嘴街道'))}/export`, other.cookie);
    expect(own.headers['content-type']).toContain('spreadsheetml');
  });
});
