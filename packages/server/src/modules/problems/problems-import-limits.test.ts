// The ledger import at its stated limit: 5,000 rows are checked and stored alike on both
// databases; one more row is refused with a message naming the limit.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { importLedger } from '../../test/files.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { countRows } from '../../test/tables.js';
import { ledgerSheet, workbook } from '../../test/xlsx-files.js';

// Written by ExcelJS as a clerk's Excel would; built once for both databases.
let excelLedger: Promise<Buffer> | null = null;

async function ledger(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['排查事项序号', '问题描述', '发现日期', '整改方式', '整改时限']);
  for (let i = 1; i <= rows; i++) ws.addRow([13, `漏评户 ${i}`, '2019-12-18', '限期整改', '2020-03-31']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('ledger import at its limit on %s', (dialect) => {
  let t: TestApp;
  let reporter: { cookie: string };
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2019-12-23T02:00:00Z' });
    reporter = await t.userIn('中云街道', 'reporter');
  });
  afterAll(() => t.close());

  it('checks and imports exactly 5,000 rows, with a history line each', async () => {
    excelLedger ??= ledger(5000);
    const file = await excelLedger;
    const check = await importLedger(t, reporter.cookie, file, 'check');
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ rows: 5000, accepted: 5000, rejected: 0, imported: 0 });
    const all = await importLedger(t, reporter.cookie, file, 'all');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ rows: 5000, accepted: 5000, imported: 5000, errors: [] });
    expect(await countRows(t, 'problems')).toBe(5000);
    expect(await countRows(t, 'problem_events')).toBe(5000);
    // Ids follow the rows: the last problem came from the file's last row.
    const last = await t.ctx.db
      .selectFrom('problems as p')
      .innerJoin('problem_events as e', 'e.problem_id', 'p.id')
      .select(['p.description', 'e.text'])
      .orderBy('p.id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ description: '漏评户 5000', text: '从Excel台账导入（第5001行）' });
  }, 60_000);

  it('refuses 5,001 rows in every mode with the limit named, at the row beyond it', async () => {
    const file = workbook(ledgerSheet(5001));
    for (const mode of ['check', 'all']) {
      const res = await importLedger(t, reporter.cookie, file, mode);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toBe(
        '一次最多导入 5000 行，本文件超过 5000 行（读到第 5002 行时停止），请分成几个文件导入',
      );
    }
  }, 60_000);
});
