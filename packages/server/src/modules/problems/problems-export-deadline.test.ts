// A 整改时限 on a day off in the ledger's 责任清单 and 整改清单: the date cell stays the date (so
// the columns copied into the import template come back as the same 整改时限), the mark sits in a
// column of its own — 2020-01-04 (Saturday), 2020-05-04 (劳动节), 2020-10-04 (国庆).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { importLedger } from '../../test/files.js';
import { type LedgerApp, problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';
import { DEADLINE_MARK_HEADER } from './problems.export.js';

const DUE = {
  '2020-01-04': '星期六休息日',
  '2020-05-04': '劳动节假期',
  '2020-10-04': '国庆节、中秋节假期',
  '2020-03-31': '',
} as const;

/** A sheet's header (row 4) and data rows as texts, keyed by header. */
function sheetRows(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const cols = Array.from({ length: ws.columnCount }, (_, i) => i + 1);
  const header = cols.map((c) => String(ws.getCell(4, c).value ?? ''));
  const rows: Record<string, string>[] = [];
  for (let r = 5; typeof ws.getCell(r, 2).value === 'number'; r++)
    rows.push(Object.fromEntries(cols.map((c, i) => [header[i], String(ws.getCell(r, c).value ?? '')])));
  return rows;
}

describe.each(DIALECTS)('整改时限 on a day off in ledger exports on %s', (dialect) => {
  let w: LedgerApp;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    w = await startLedgerApp(dialect);
    for (const deadline of Object.keys(DUE)) {
      const p = await recordProblem(
        w.t,
        w.reporter.cookie,
        problemBody(w.campaignId, {
          description: `时限${deadline}的问题`,
          deadline,
          ...(deadline > '2020-05-31' ? { deadlineReason: '需跨汛期施工' } : {}),
        }),
      );
      ids.set(deadline, p.id);
    }
  });
  afterAll(() => w.t.close());

  it('marks the day off beside a plain date, and the date imports back as the same 整改时限', async () => {
    const res = await w.t.request('GET', `/api/problems/export?campaignId=${w.campaignId}&list=all`, w.admin);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    for (const name of ['责任清单', '整改清单']) {
      const rows = sheetRows(wb.getWorksheet(name) as ExcelJS.Worksheet);
      for (const [deadline, mark] of Object.entries(DUE)) {
        const row = rows.find((r) => r.问题编号 === String(ids.get(deadline)));
        const [y, m, d] = deadline.split('-').map(Number);
        expect(row?.整改时限, `${name} ${deadline}`).toBe(`${y}年${m}月${d}日`);
        expect(row?.[DEADLINE_MARK_HEADER], `${name} ${deadline}`).toBe(mark);
      }
    }

    // The exported columns pasted into the import template: the mark's column is ignored, the
    // date read as the date it was.
    const rows = sheetRows(wb.getWorksheet('责任清单') as ExcelJS.Worksheet).filter((r) =>
      r.问题描述?.startsWith('时限'),
    );
    const file = new ExcelJS.Workbook();
    const ws = file.addWorksheet('台账');
    ws.addRow([
      '排查事项序号',
      '问题描述',
      '发现日期',
      '整改方式',
      '整改时限',
      DEADLINE_MARK_HEADER,
      '超期理由',
    ]);
    for (const r of rows)
      ws.addRow([
        13,
        `再导入：${r.问题描述}`,
        '2019-12-18',
        r.整改方式,
        r.整改时限,
        r[DEADLINE_MARK_HEADER],
        '需跨汛期施工',
      ]);
    const imported = await importLedger(
      w.t,
      w.reporter.cookie,
      Buffer.from(await file.xlsx.writeBuffer()),
      'all',
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ accepted: 4, imported: 4 });
    const list = (
      await w.t.request('GET', `/api/problems?campaignId=${w.campaignId}&q=再导入&pageSize=100`, w.admin)
    ).json() as { items: { description: string; deadline: string }[] };
    expect(
      Object.fromEntries(
        list.items.map((p) => [p.description.replace('再导入：时限', '').replace('的问题', ''), p.deadline]),
      ),
    ).toEqual(Object.fromEntries(Object.keys(DUE).map((d) => [d, d])));
  });
});
