// The office's consolidated 月报表 after the campaign's structure changed under a submitted report:
// the unit that submitted is printed as it submitted (序号, 排查项目, 排查内容, texts) — an item
// removed since keeps its row, marked — while units still drafting follow today's structure.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { fillAndSubmit, ids, reportUrl } from '../../test/reports.js';

/** Data rows (序号 … 责任单位) with merged cells read from their master, as a reader sees them. */
async function xlsxRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  for (let r = 4; typeof ws.getCell(r, 1).master.value === 'number'; r++)
    rows.push([1, 2, 3, 4, 5, 6, 7].map((c) => String(ws.getCell(r, c).master.value ?? '')));
  return rows;
}

/** The .docx table's rows as cell texts (a continued vertical merge reads as ''). */
async function docxRows(body: Buffer): Promise<string[][]> {
  const xml = (await (await JSZip.loadAsync(body)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .slice(0, xml.indexOf('</w:tbl>'))
    .split('<w:tr>')
    .slice(1)
    .map((tr) =>
      tr
        .split('<w:tc>')
        .slice(1)
        .map((tc) => [...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    );
}

const ZY = '中云街道';
const byUnit = (rows: string[][], unit: string) => rows.filter((r) => (r[6] ?? '').split('\n')[0] === unit);
const bySeq = (rows: string[][]) => [...rows].sort((a, b) => Number(a[0]) - Number(b[0]));
/** 序号, 排查项目, 排查内容, 排查情况, 整改措施, 整改进度: what the unit submitted. */
const asSubmitted = (rows: string[][]) => bySeq(rows).map((r) => r.slice(0, 6));

describe.each(DIALECTS)('consolidated 月报表 after a structure change on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let campaignId: number;
  let zyUrl: string;
  const url = (path = '') => `/api/campaigns/${campaignId}${path}`;
  const version = async () => (await t.request('GET', url('/structure'), admin)).json().version as number;
  const file = async (u: string) => {
    const res = await t.request('GET', u, admin);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res.rawPayload;
  };
  const consolidated = (format: 'xlsx' | 'docx') =>
    file(url(`/monthly-reports/2020-01/export?format=${format}`));

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-03T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    const { unit, ...rest } = await ids(t, admin);
    campaignId = rest.campaignId;
    zyUrl = reportUrl(campaignId, '2020-01', unit(ZY));
    const r = await t.userIn(ZY, 'reporter');
    const h = await t.userIn(ZY, 'unit_head', 'zy_head');
    await fillAndSubmit(t, r.cookie, h.cookie, zyUrl);
  });
  afterAll(() => t.close());

  it('prints the submitted report as submitted after a removal, a rename and a reorder', async () => {
    const before = await xlsxRows(await consolidated('xlsx'));
    const zyBefore = asSubmitted(byUnit(before, ZY));
    // The consolidated rows of the unit are its own report's rows.
    expect(zyBefore).toEqual(asSubmitted(await xlsxRows(await file(`${zyUrl}/export?format=xlsx`))));
    const removed = zyBefore[2] as string[]; // 序号 4
    const renamed = zyBefore[3] as string[]; // 序号 8
    expect([removed[0], renamed[0]]).toEqual(['4', '8']);

    const edits = [
      (version: number) =>
        t.request('POST', url('/check-items/4/remove'), admin, { version, reason: '与第5项重复，合并' }),
      (version: number) =>
        t.request('PATCH', url('/check-items/7'), admin, {
          version,
          content: '（修订）是否存在政策落实不到位的问题。',
          reason: '按市排查要求修订表述',
        }),
      (version: number) =>
        t.request('POST', url('/check-items/1/move'), admin, { version, to: 3, reason: '按工作顺序调整' }),
    ];
    for (const edit of edits) {
      const done = await edit(await version());
      expect(done.statusCode, done.body).toBe(200);
    }

    const after = await xlsxRows(await consolidated('xlsx'));
    const zyAfter = byUnit(after, ZY);
    // A row only renumbered prints in today's block and names the 序号 it was submitted under.
    const submittedSeq = (r: string[]) => /报送时为第(\d+)项/.exec(r[6] ?? '')?.[1] ?? r[0];
    expect(asSubmitted(zyAfter.map((r) => [submittedSeq(r) as string, ...r.slice(1)]))).toEqual(zyBefore);
    // The removed item keeps the unit's row, marked; the moved and renamed ones say what they are now.
    const removedRow = zyAfter.find((r) => r[2] === removed[2]);
    expect(removedRow?.[6]).toBe(`${ZY}\n（按报送时事项，该项已移除）`);
    // Item 1 moved to 3 with its wording: today's 序号, the submitted one named.
    expect(zyAfter.find((r) => r[0] === '3' && r[6]?.includes('第1项'))?.[6]).toBe(
      `${ZY}\n（报送时为第1项）`,
    );
    // Items after the removed one are renumbered only: none gets a block of its own.
    expect(zyAfter.filter((r) => r[6]?.includes('按报送时事项'))).toHaveLength(2);
    expect(zyAfter.find((r) => r[2] === renamed[2])?.[6]).toBe(`${ZY}\n（按报送时事项，现为第7项）`);
    // A unit still drafting follows today's structure: the new wording, no removed item.
    const hz = byUnit(after, '猴嘴街道');
    expect(hz.map((r) => r[2])).toContain('（修订）是否存在政策落实不到位的问题。');
    expect(hz.map((r) => r[2])).not.toContain(removed[2]);
    expect(hz.every((r) => r[3] === '（未报送）')).toBe(true);
    // Each unit appears once per item it has, and the table stays in 序号 blocks: today's item first.
    expect(zyAfter).toHaveLength(zyBefore.length);
    const today = after.filter((r) => !r[6]?.includes('按报送时事项')).map((r) => Number(r[0]));
    expect(today).toEqual([...today].sort((a, b) => a - b));

    // The .docx: the same rows for the unit, in the same order, the removed item's text there.
    const doc = await docxRows(await consolidated('docx'));
    const docZy = doc.filter((r) => (r[6] ?? '').startsWith(ZY));
    expect(docZy.map((r) => r.slice(3, 6))).toEqual(zyAfter.map((r) => r.slice(3, 6)));
    expect(docZy.map((r) => r[6])).toEqual(zyAfter.map((r) => (r[6] ?? '').replace('\n', '')));
    expect(doc.some((r) => r[2] === removed[2])).toBe(true);
  });
});
