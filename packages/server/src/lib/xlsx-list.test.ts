// The list workbook as written by the worker's own SpreadsheetML and zip writer, read back by an
// independent reader (ExcelJS): values, the merged title and lines, fonts, borders, wrapping,
// widths, heights, the printed title row, formula-looking and illegal text kept safe — nothing
// here needs LibreOffice.

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type ListSheet, listWorkbookBuffer, pagesOf, writeTableWorkbook } from './xlsx-list.js';

interface Row {
  unit: string;
  text: string;
  n: number | null;
}

const ROWS: Row[] = [
  { unit: '中云街道', text: '=HYPERLINK("http://x","点我")', n: 12 },
  { unit: '浦西街道', text: `  前后空格 <&> "引号"\r\n第二行\u0001\uFFFE\uD800`, n: 3.5 },
  { unit: '东城街道', text: '', n: null },
];

const SHEET: ListSheet<Row> = {
  sheetName: '问题台账',
  title: '问题大排查整改台账',
  leftLine: '填报单位：区领导小组办公室',
  rightLine: '导出时间：2020年1月4日',
  columns: [
    { header: '序号', width: 6, value: (_r, i) => i + 1, align: 'center' },
    { header: '责任单位', width: 14, value: (r) => r.unit, align: 'center' },
    { header: '问题描述', width: 40, value: (r) => r.text },
    { header: '数量', width: 8, value: (r) => r.n },
  ],
  pages: pagesOf(ROWS),
  footer: (n) => `共 ${n} 条`,
};

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('list workbook writer', () => {
  it('writes values, the merged title and lines, styles, widths and heights ExcelJS reads back', async () => {
    const bytes = await listWorkbookBuffer([SHEET], 'paicha');
    const ws = (await load(bytes)).getWorksheet('问题台账');
    if (!ws) throw new Error('no sheet');

    expect(ws.getCell('A1').value).toBe('问题大排查整改台账');
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 18 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('D1').master.address).toBe('A1');
    expect(ws.getRow(1).height).toBe(36);
    expect(ws.getCell('A2').value).toBe('填报单位：区领导小组办公室');
    expect(ws.getCell('B2').master.address).toBe('A2');
    expect(ws.getCell('C2').value).toBe('导出时间：2020年1月4日');
    expect(ws.getCell('D2').master.address).toBe('C2');
    expect(ws.getCell('C2').alignment).toMatchObject({ horizontal: 'right' });
    expect(ws.getCell('A2').font).toMatchObject({ name: '仿宋_GB2312', size: 12 });

    const header = ws.getCell('C4');
    expect(header.value).toBe('问题描述');
    expect(header.font).toMatchObject({ name: '黑体', size: 12 });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
    expect(header.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(ws.getRow(4).height).toBe(30);

    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([1, '中云街道', ROWS[0]?.text, 12]);
    const cell = ws.getCell('C6');
    // Illegal XML characters dropped; CR, LF, edge spaces and markup characters kept as typed.
    expect(cell.value).toBe('  前后空格 <&> "引号"\r\n第二行');
    expect(cell.font).toMatchObject({ name: '仿宋_GB2312', size: 11 });
    expect(cell.alignment).toMatchObject({ horizontal: 'left', vertical: 'middle', wrapText: true });
    expect(cell.border).toMatchObject({ bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('B6').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('D6').value).toBe(3.5);
    // An empty cell still carries its border, so the printed grid has no holes.
    expect(ws.getCell('D7').value).toBeNull();
    expect(ws.getCell('D7').border).toMatchObject({ top: { style: 'thin' } });
    expect(ws.getRow(5).height).toBe(22);

    expect(ws.getCell('A9').value).toBe('共 3 条');
    expect(ws.getCell('D9').master.address).toBe('A9');
    expect(ws.columns.map((c) => c.width)).toEqual([6, 14, 40, 8]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it('keeps formula-looking text as text and repeats the header row on every printed page', async () => {
    const bytes = await listWorkbookBuffer([SHEET, { ...SHEET, sheetName: "台账'二" }], 'paicha');
    const zip = await JSZip.loadAsync(bytes);
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('t="inlineStr"><is><t>=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</t>');
    const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(book).toContain(`localSheetId="1">'台账''二'!$4:$4`);
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题台账', "台账'二"]);
    expect(wb.getWorksheet("台账'二")?.getCell('C5').value).toBe(ROWS[0]?.text);
  });

  it('writes a bare table: headers in row 1, plain cells, widths', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await writeTableWorkbook(
      sink,
      {
        sheetName: '节假日',
        columns: [
          { header: '日期', width: 14, value: (r: Row) => r.unit },
          { header: '数量', width: 8, value: (r: Row) => r.n },
        ],
        pages: pagesOf(ROWS),
      },
      'paicha',
    );
    const ws = (await load(Buffer.concat(chunks))).getWorksheet('节假日');
    if (!ws) throw new Error('no sheet');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['日期', '数量']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['中云街道', 12]);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['东城街道']);
    expect(ws.getCell('A2').border).toBeUndefined();
    expect(ws.columns.map((c) => c.width)).toEqual([14, 8]);
    expect(ws.rowCount).toBe(4);
  });

  it('streams a long list in pages into a valid zip with a data descriptor per sheet', async () => {
    const many: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      unit: `单位${i}`,
      text: '问题'.repeat(i % 50),
      n: i,
    }));
    const pages = async function* () {
      for (let i = 0; i < many.length; i += 700) yield many.slice(i, i + 700);
    };
    const bytes = await listWorkbookBuffer([{ ...SHEET, pages }], 'paicha');
    const ws = (await load(bytes)).getWorksheet('问题台账');
    expect(ws?.getCell('B5004').value).toBe('单位4999');
    expect(ws?.getCell('D5004').value).toBe(4999);
    expect(ws?.getCell('A5006').value).toBe('共 5000 条');
    // General-purpose flag bit 3: sizes follow the sheet's data, which was never held whole.
    expect(bytes.readUInt16LE(6) & 0x0008).toBe(0x0008);
  });
});
