// The guarded .xlsx reader: what Excel-like writers produce reads back as plain values, and each
// hostile file of the hardening issue is refused with a clear message, in well under a second
// or two, with memory bounded — through the ledger's limits (a buffer) and the household
// import's (a file on disk). No database is involved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from '../../modules/households/import/read-table.js';
import { LEDGER_XLSX_LIMITS, readLedgerRows } from '../../modules/problems/problems.import-read.js';
import {
  commentedLedger,
  deflated,
  hostile,
  otherProgramLedger,
  SHEET_END,
  SHEET_START,
  workbook,
} from '../../test/xlsx-files.js';
import { openXlsxBuffer, type XlsxRow } from './book.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allRows(buf: Buffer, dates = true): Promise<{ sheet: string; rows: XlsxRow[] }[]> {
  const book = await openXlsxBuffer(buf, LEDGER_XLSX_LIMITS, { dates });
  const out: { sheet: string; rows: XlsxRow[] }[] = [];
  for (let s = 0; s < book.sheets.length; s++) {
    const rows: XlsxRow[] = [];
    for await (const batch of book.rows(s)) rows.push(...batch);
    out.push({ sheet: book.sheets[s]?.name ?? '', rows });
  }
  return out;
}

/** Runs `fn`, sampling RSS meanwhile: elapsed ms and the peak growth over the start, in MB. */
async function measured(fn: () => Promise<unknown>) {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const t0 = performance.now();
  let error: unknown = null;
  try {
    await fn();
  } catch (err) {
    error = err;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms, growthMb: (peak - base) / 1_048_576, error: error as Error | null };
}

describe('xlsx reader', () => {
  it('reads what ExcelJS writes: shared and rich strings, dates by style, formulas, gaps, sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账 1');
    ws.addRow(['标题']);
    ws.addRow([]);
    ws.addRow([
      '中文',
      1.5,
      true,
      new Date(Date.UTC(2019, 11, 18)),
      { richText: [{ text: '富' }, { text: '文本' }] },
      'x&y<z>"',
      { formula: 'A3', result: '中文' },
      { error: '#N/A' },
    ]);
    ws.getCell('AA5').value = '远';
    wb.addWorksheet('第二').addRow(['二', 2]);
    const read = await allRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.map((s) => s.sheet)).toEqual(['台账 1', '第二']);
    const [title, data, far] = read[0]?.rows ?? [];
    expect(title).toEqual({ rowNo: 1, cells: ['标题'] });
    expect(data?.rowNo).toBe(3);
    expect(data?.cells).toEqual([
      '中文',
      1.5,
      true,
      new Date(Date.UTC(2019, 11, 18)),
      '富文本',
      'x&y<z>"',
      '中文',
      null,
    ]);
    expect(far?.cells[26]).toBe('远');
    expect(far?.cells.slice(0, 26).every((c) => c === null)).toBe(true);
    expect(read[1]?.rows).toEqual([{ rowNo: 1, cells: ['二', 2] }]);
    // Without styles (the household import) a date stays an Excel serial.
    const serial = (await allRows(Buffer.from(await wb.xlsx.writeBuffer()), false))[0]?.rows[1]?.cells[3];
    expect(serial).toBe(43817);
  });

  it("reads a ledger with a 批注 stored where ExcelJS fails on it (reading 'comments')", async () => {
    const file = commentedLedger();
    await expect(new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer)).rejects.toThrow(
      /reading 'comments'/,
    );
    expect((await readLedgerRows(file)).map((r) => r.raw.description)).toEqual(['漏评户 1']);
  });

  it('reads a ledger written the way other programs write it, which ExcelJS could not load', async () => {
    const file = otherProgramLedger();
    await expect(new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer)).rejects.toThrow();
    expect(await readLedgerRows(file)).toEqual([
      {
        rowNumber: 2,
        raw: {
          checkItem: 13,
          description: '漏评户 1',
          foundDate: '2019-12-18',
          mode: '限期整改',
          deadline: '2020-03-31',
        },
      },
    ]);
  });

  // Each hostile file, the message its refusal must carry, and the household limits' message
  // when it differs (their budget grows with the file, so a 400 MB cell is seen as a cell).
  const cases: [string, () => Buffer, RegExp, RegExp?][] = [
    [
      'zip bomb, sizes declared',
      () => hostile.zipBomb(false),
      /文件解压后超过 256 MB/,
      /文件解压后超过 512 MB/,
    ],
    ['zip bomb, sizes understated', () => hostile.zipBomb(true), /压缩比异常/],
    [
      'one 400 MB cell in 418 KB',
      () => hostile.hugeCell(400, 'inline'),
      /解压后超过 256 MB/,
      /超过 32767 个字符/,
    ],
    ['one 100 MB shared string', () => hostile.hugeCell(100, 'shared'), /超过 32767 个字符/],
    ['20,000 columns', () => hostile.wide(20_000), /列数超过 1024 列/, /列数超过 4096 列/],
    ['nesting 100,000 deep', () => hostile.nested(100_000), /嵌套超过 64 层/],
    ['an entity-expanding DTD', () => hostile.doctype(), /DTD/],
  ];

  it.each(cases)(
    'refuses %s early, in bounded memory',
    async (_name, build, ledgerMessage, householdMessage) => {
      const file = build();
      const ledger = await measured(() => readLedgerRows(file));
      expect(ledger.error?.message).toMatch(ledgerMessage);
      expect(ledger.ms).toBeLessThan(3000);
      expect(ledger.growthMb).toBeLessThan(120);
      const onDisk = path.join(dir, 'hostile.xlsx');
      writeFileSync(onDisk, file);
      const household = await measured(async () => {
        for await (const _ of (await openTable(onDisk, 'xlsx')).rows);
      });
      expect(household.error?.message).toMatch(householdMessage ?? ledgerMessage);
      expect(household.ms).toBeLessThan(3000);
      expect(household.growthMb).toBeLessThan(120);
    },
  );

  it('stops a 200,000-row ledger right after its 5,001st data row', async () => {
    const file = hostile.manyRows(200_000);
    const r = await measured(() => readLedgerRows(file));
    expect(r.error?.message).toBe(
      '一次最多导入 5000 行，本文件超过 5000 行（读到第 5002 行时停止），请分成几个文件导入',
    );
    expect(r.ms).toBeLessThan(2000);
    expect(r.growthMb).toBeLessThan(120);
  });

  it('bounds the shared strings it holds in memory', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    // 600 strings of ~40 characters: ~34,000 held with the per-string cost.
    for (let i = 0; i < 600; i++) ws.addRow([`第${i}条问题描述`.repeat(5)]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const limits = { ...LEDGER_XLSX_LIMITS, maxSharedChars: 50_000 };
    await expect(openXlsxBuffer(file, limits, { dates: false })).resolves.toBeDefined();
    await expect(
      openXlsxBuffer(file, { ...limits, maxSharedChars: 20_000 }, { dates: false }),
    ).rejects.toThrow('文件中的文字超过 2 万字');
  });

  it('refuses what is not an .xlsx, and a sheet cut short', async () => {
    await expect(readLedgerRows(Buffer.from('这不是Excel'))).rejects.toThrow(/无法读取该文件/);
    const cut = workbook(deflated(`${SHEET_START}<row r="1"><c t="inlineStr"><is><t>半`));
    await expect(readLedgerRows(cut)).rejects.toThrow(/内容不完整/);
    const unclosed = workbook(deflated(`${SHEET_START}${SHEET_END}</x>`));
    await expect(readLedgerRows(unclosed)).rejects.toThrow(/不是有效的 Excel 格式/);
  });
});
