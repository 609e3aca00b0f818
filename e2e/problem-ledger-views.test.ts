// The ledger's views in the browser: the three lists with filters kept in the URL, counts per
// unit linking to the list, Excel export, the office's 交办, and the bulk import with its report.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption, shot, toast } from './antd.js';
import { xlsxWorkbook } from './files.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';
import { historyKinds, seedMoreProblems } from './ledger-steps.js';

const STREET = '中云街道';
const REPORTER = { username: 'zy-views', displayName: '中云填报员', password: 'reporter-pass-789' };

describe('problem ledger views, 交办 and import in the browser', () => {
  let h: Harness;
  let seq: number;
  let reporterCtx: BrowserContext;
  let reporter: Page;
  let adminCtx: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    await seedMoreProblems(h);
    const [campaign] = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
    const items = await h.admin.call<{ seq: number; units: { name: string }[] }[]>(
      'GET',
      `/api/campaigns/${campaign?.id}/check-items`,
    );
    seq = items.find((i) => i.seq >= 10 && i.units.some((u) => u.name === STREET))?.seq ?? 0;
    ({ context: reporterCtx, page: reporter } = await h.newPage());
    ({ context: adminCtx, page: admin } = await h.newPage());
    for (const p of [reporter, admin]) await p.setViewportSize({ width: 1366, height: 768 });
    await loginViaUi(reporter, h.baseUrl, REPORTER.username, REPORTER.password);
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await reporterCtx?.close();
    await adminCtx?.close();
    await h?.stop();
  });

  it('the ledger: three lists, counts per unit linking to the list, filters in the URL, export', async () => {
    await admin.goto(`${h.baseUrl}/problems`);
    await admin.getByTestId('problem-row').first().waitFor();
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(5);
    await shot(admin, 'ledger-list-problems');
    for (const view of ['responsibility', 'rectification'] as const) {
      await admin.getByTestId(`tab-${view}`).click();
      await admin.waitForURL(`**/problems?view=${view}`);
      await admin.getByTestId('problem-row').first().waitFor();
      await shot(admin, `ledger-list-${view}`);
    }
    // A link reproduces the view: status and free text come from the URL.
    await admin.goto(`${h.baseUrl}/problems?view=problems&status=pending&q=${encodeURIComponent('C级危房')}`);
    await admin.getByTestId('problem-row').first().waitFor();
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(1);
    await expect(admin.getByTestId('problem-table').textContent()).resolves.toContain('C级危房');
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: /导出Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/问题清单.*\.xlsx$/);

    // The office records for any unit (交办): the unit's own items are offered first.
    await admin.getByTestId('new-problem').click();
    await pickOption(admin.getByTestId('problem-form'), '责任单位（交办）', '朝阳');
    await admin.getByTestId('problem-form').getByLabel('排查事项').click();
    await shot(admin, 'ledger-admin-new-problem', false);
    await admin.keyboard.press('Escape');
    await admin.goBack();
    await admin.getByTestId('tab-byUnit').click();
    const street = admin.locator('[data-testid=counts-row]', { hasText: '朝阳街道' });
    await street.waitFor();
    await shot(admin, 'ledger-counts-by-unit');
    // 朝阳街道: 2 found, both open, one overdue; each number opens exactly those problems.
    await street.getByRole('link', { name: '2' }).first().click();
    await admin.waitForURL(/unit=\d+/);
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(2);
    await admin.goBack();
    await admin
      .locator('[data-testid=counts-row]', { hasText: '朝阳街道' })
      .getByRole('link', { name: '1' })
      .click();
    await admin.waitForURL(/overdue=1/);
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(1);
  });

  it('the office hands a problem to another unit (交办) after confirming', async () => {
    const list = await h.admin.call<{ items: { id: number; unit: { name: string } }[] }>(
      'GET',
      `/api/problems?q=${encodeURIComponent('C级危房')}`,
    );
    const target = list.items[0];
    expect(target?.unit.name).toBe('朝阳街道');
    await admin.goto(`${h.baseUrl}/problems/${target?.id}`);
    await admin.getByTestId('step-assign').click();
    const dialog = admin.getByRole('dialog', { name: '交办问题' });
    await pickOption(dialog, '交办给', '宋跳');
    await dialog.getByLabel('交办说明').fill('该户已迁入宋跳街道');
    await shot(admin, 'ledger-assign-dialog', false);
    await dialog.getByTestId('assign-ok').click();
    await toast(admin, '已交办宋跳街道');
    await expect(admin.getByTestId('problem-info').textContent()).resolves.toContain('宋跳街道');
    await expect(historyKinds(admin)).resolves.toEqual(['assigned', 'assigned']);
  });

  it('bulk import: per-row report first, then only the valid rows when asked', async () => {
    await reporter.getByTestId('menu-problems-import').click();
    await reporter.waitForURL('**/problems/import');
    const template = reporter.waitForEvent('download');
    await reporter.getByTestId('download-template').click();
    expect((await template).suggestedFilename()).toBe('问题台账导入模板.xlsx');
    const file = await xlsxWorkbook(
      ['排查事项序号', '问题来源', '问题描述', '发现日期', '整改方式', '整改时限'],
      [
        [seq, '自查', '2户低收入农户未签订帮扶协议', '2020-01-08', '立行立改', ''],
        [99, '随手拍', '', '2020-01-09', '限期整改', ''],
      ],
    );
    await reporter.locator('input[type=file]').setInputFiles({
      name: '中云街道问题台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await reporter.getByTestId('import-report').waitFor();
    await expect.poll(() => reporter.getByTestId('import-error-row').count()).toBeGreaterThanOrEqual(2);
    const rows = await reporter
      .getByTestId('import-error-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(new Set(rows)).toEqual(new Set(['3']));
    await shot(reporter, 'ledger-import-report');
    await reporter.getByTestId('import-valid').click();
    await reporter.getByRole('button', { name: '只导入合格行' }).click();
    await expect(reporter.getByTestId('import-done').textContent()).resolves.toContain('已导入 1 个问题');
    const list = await h.admin.call<{ total: number }>(
      'GET',
      `/api/problems?q=${encodeURIComponent('帮扶协议')}`,
    );
    expect(list.total).toBe(1);
  });
});
