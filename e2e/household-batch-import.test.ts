// A whole delivery of household files in the browser: four files picked at once (a 国扶系统
// .xlsx whose 成员关系 header no synonym knows, a 住建 .xlsx, a broken 教育 CSV and a 阳光扶贫 CSV in
// GBK whose name says nothing), each file's source recognised by the server from its headers.
// After a reload (nothing picked is lost) the office corrects the 国扶系统 file's source (its
// headers fit only 阳光扶贫's required columns), maps its header by hand and imports it, names the
// source the server could not place, then imports the rest one after another: the broken file is
// refused with its per-row report and errors.csv while the file after it is imported.
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';
import { housingXlsx, nationalXlsx, PEOPLE, sunshineCsvGbk } from './household-files.js';
import { mapHeader } from './household-steps.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

/** A 学籍 list whose second pupil's ID Excel turned into a number (digits lost): refused. */
function brokenEducationCsv(): Buffer {
  const lines = [
    '学生姓名,学生身份证号,学校名称,在校状态',
    `王小红,${PEOPLE[3]?.id},开发区实验学校,在校`,
    '赵小明,3.20703201001011E+17,开发区实验学校,在校',
  ];
  return Buffer.from(lines.join('\r\n'));
}

const row = (page: Page, name: string) => page.locator(`[data-testid=batch-file][data-name="${name}"]`);

async function chooseSource(page: Page, file: string, source: string) {
  const select = row(page, file).getByRole('combobox', { name: `数据来源：${file}`, exact: true });
  // A select showing its value has the value over its search box: the click lands there and opens it.
  await select.click({ force: true });
  await select.fill(source.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: source }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

describe('several household files imported at once in the browser', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    h = await startHarness();
    ({ context: ctx, page: admin } = await h.newPage());
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
  });

  it('recognises each file, keeps the list over a reload, imports the good files past a bad one', async () => {
    await admin.goto(`${h.baseUrl}/households/import`);
    await admin.getByTestId('import-mode').getByText('一次多个文件').click();
    await admin.getByTestId('batch-import').waitFor();
    await admin
      .getByTestId('batch-upload')
      .locator('input[type=file]')
      .setInputFiles([
        { name: '国扶系统导出.xlsx', mimeType: XLSX, buffer: await nationalXlsx() },
        { name: '学生名单.csv', mimeType: 'text/csv', buffer: brokenEducationCsv() },
        { name: '危房鉴定.xlsx', mimeType: XLSX, buffer: await housingXlsx() },
        { name: '导出数据.csv', mimeType: 'text/csv', buffer: sunshineCsvGbk() },
      ]);
    // Uploaded one after another: the last one is in when its source is known not to be recognisable.
    await poll(() => admin.getByTestId('batch-unrecognised').count()).toBe(1);
    await poll(() => admin.locator('[data-testid=batch-file][data-status=ready]').count()).toBe(3);
    const sources = () =>
      admin
        .getByTestId('batch-file')
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-name'), r.getAttribute('data-source')]));
    await expect(sources()).resolves.toEqual([
      ['国扶系统导出.xlsx', 'sunshine'],
      ['学生名单.csv', 'education'],
      ['危房鉴定.xlsx', 'housing'],
      ['导出数据.csv', ''],
    ]);
    const unknown = row(admin, '导出数据.csv');
    await expect(unknown.textContent()).resolves.toContain('阳光扶贫监管系统');
    await expect(admin.getByTestId('batch-start').textContent()).resolves.toContain('导入 3 个文件');

    // A reload (or leaving the page) keeps the delivery: the uploads wait on the server.
    await admin.reload();
    await admin.getByTestId('batch-import').waitFor();
    await poll(() => admin.getByTestId('batch-file').count()).toBe(4);
    await expect(sources()).resolves.toEqual([
      ['国扶系统导出.xlsx', 'sunshine'],
      ['学生名单.csv', 'education'],
      ['危房鉴定.xlsx', 'housing'],
      ['导出数据.csv', ''],
    ]);

    // The 国扶系统 export read as 阳光扶贫: its source corrected, its header mapped, imported alone.
    const national = row(admin, '国扶系统导出.xlsx');
    await chooseSource(admin, '国扶系统导出.xlsx', '国扶系统');
    await poll(() => national.getAttribute('data-status')).toBe('waiting');
    await expect(national.textContent()).resolves.toContain('与户主关系');
    await national.getByTestId('batch-map-headers').click();
    await admin.getByTestId('mapping-step').waitFor();
    await mapHeader(admin, '成员关系', '与户主关系');
    await shot(admin, 'households-batch-mapping', false);
    await admin.getByTestId('start-import').click();
    await poll(() => national.getAttribute('data-status')).toBe('committed');
    await expect(national.textContent()).resolves.toContain(`已导入 ${PEOPLE.length} 行`);

    await chooseSource(admin, '导出数据.csv', '阳光扶贫');
    await poll(() => unknown.getAttribute('data-status')).toBe('ready');
    await expect(unknown.textContent()).resolves.toContain('GBK');
    await expect(unknown.textContent()).resolves.toContain('手动选择');
    await shot(admin, 'households-batch-ready');

    await admin.getByTestId('batch-start').click();
    await admin.getByTestId('batch-summary').waitFor({ timeout: 60_000 });
    const statuses = await admin
      .getByTestId('batch-file')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(['committed', 'rejected', 'committed', 'committed']);
    await expect(admin.getByTestId('batch-summary').textContent()).resolves.toContain(
      '共导入 4 个文件：成功 3 个，未导入 1 个',
    );
    const bad = row(admin, '学生名单.csv');
    await expect(bad.textContent()).resolves.toContain('1 行不合格');

    // The refused file's per-row report: on the page, and as the GBK errors.csv Excel opens.
    await bad.locator('.ant-table-row-expand-icon').click();
    await admin.locator('[data-testid=import-error-row][data-row="3"]').first().waitFor();
    await expect(admin.getByTestId('import-errors').textContent()).resolves.toContain('学生身份证号');
    await shot(admin, 'households-batch-done');
    const download = admin.waitForEvent('download');
    await bad.getByTestId('batch-download-errors').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('错误报告-学生名单.csv');
    const csv = iconv.decode(await readFile((await file.path()) as string), 'gbk');
    expect(csv.split('\r\n')[0]).toBe('行号,列,原值,错误原因');
    expect(csv).toContain('3.20703201001011E+17');

    // What the server holds: the three good files are each their source's current import.
    const current = await h.admin.call<{ items: { source: string; status: string; fileName: string }[] }>(
      'GET',
      '/api/households/imports?pageSize=50',
    );
    const committed = current.items.filter((i) => i.status === 'committed').map((i) => i.source);
    expect(committed.sort()).toEqual(['housing', 'national', 'sunshine']);
    expect(current.items.find((i) => i.source === 'education')?.status).toBe('rejected');
  }, 180_000);
});
