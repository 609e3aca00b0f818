// `paicha export monthly` as an operator runs it: a separate process on the same database.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { fillAndSubmit, ids, reportUrl } from '../../test/reports.js';
import { planPages } from './monthly-layout.js';
import { mergeGroups } from './monthly-table.js';

const run = promisify(execFile);
const SERVER_DIR = path.resolve(import.meta.dirname, '../../..');

describe('the plan table as merge groups', () => {
  it("merges 排查项目 exactly where the plan's attachment does", async () => {
    const { PLAN_CHECK_ITEMS } = await import('@paicha/core');
    const groups = mergeGroups(PLAN_CHECK_ITEMS);
    const starts = [...new Set([...groups.values()].map((g) => g.key))];
    expect(starts).toEqual([1, 4, 5, 7, 9, 10, 13, 16, 20, 22, 25, 28, 29, 33, 34, 37]);
    expect(groups.get(6)).toEqual({ key: 5, label: '政策落实' });
    expect(groups.get(36)).toEqual({ key: 34, label: '社会保障兜底' });
  });

  it('breaks pages between blocks that fit, and inside a block only when it cannot fit', () => {
    const h = [100, 100, 100, 100, 100, 300, 300];
    const blocks = [
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 5, end: 6 },
    ];
    expect(planPages(h, blocks, 250, 400)).toEqual([2, 5, 6]);
  });
});

describe.each(DIALECTS)('paicha export monthly on %s', (dialect) => {
  let t: TestApp;
  let out: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-03T02:00:00Z' });
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const { campaignId, unit } = await ids(t, admin);
    const r = await t.userIn('区财政局', 'reporter');
    const h = await t.userIn('区财政局', 'unit_head');
    await fillAndSubmit(t, r.cookie, h.cookie, reportUrl(campaignId, '2020-01', unit('区财政局')));
    out = mkdtempSync(path.join(tmpdir(), 'paicha-export-'));
    env = {
      ...process.env,
      PAICHA_DATA_DIR: t.ctx.config.dataDir,
      DATABASE_URL: t.ctx.config.databaseUrl ?? '',
      PAICHA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    };
  });
  afterAll(() => t.close());

  const paicha = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: SERVER_DIR, env });

  it("writes one unit's table as .xlsx and the consolidated one as .docx", async () => {
    const xlsx = path.join(out, '财政局.xlsx');
    const res = await paicha('export', 'monthly', '--unit', '区财政局', '--period', '2020-01', '--out', xlsx);
    expect(res.stdout).toContain('已导出');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A2').value).toBe('填报单位：区财政局');
    expect([4, 5, 6, 7, 8].map((r) => ws.getCell(r, 1).value)).toEqual([3, 5, 11, 16, 37]);
    // Item 3 continues 责任落实 in the plan; alone in this unit's table it prints the label itself.
    expect(ws.getCell('B4').value).toBe('责任落实');
    expect(ws.getCell('D4').value).toBe('第3项排查情况');

    const docx = path.join(out, '汇总.docx');
    await paicha('export', 'monthly', '--consolidated', '--period', '2020-01', '--out', docx);
    const doc = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')?.async('string');
    expect(doc).toContain('区领导小组办公室（汇总）');
  });

  it('refuses bad arguments with a message and a non-zero exit', async () => {
    const bad = await paicha(
      'export',
      'monthly',
      '--unit',
      '不存在街道',
      '--period',
      '2020-01',
      '--out',
      path.join(out, 'x.xlsx'),
    ).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain('不存在街道');
    const noExt = await paicha(
      'export',
      'monthly',
      '--consolidated',
      '--period',
      '2020-01',
      '--out',
      path.join(out, 'x.pdf'),
    ).catch((e: { code: number; stderr: string }) => e);
    expect((noExt as { stderr: string }).stderr).toContain('.xlsx 或 .docx');
    // Beyond the integer column: a clear refusal, not a PostgreSQL error.
    const huge = await paicha(
      'export',
      'monthly',
      '--consolidated',
      '--campaign',
      '2147483648',
      '--period',
      '2020-01',
      '--out',
      path.join(out, 'x.docx'),
    ).catch((e: { code: number; stderr: string }) => e);
    expect(huge).toMatchObject({ code: 2 });
    expect((huge as { stderr: string }).stderr).toContain('--campaign 应为工作活动编号');
  });
});
