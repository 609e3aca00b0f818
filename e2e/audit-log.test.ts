// 审计日志 in the browser: the office sees the chain's verification on top, narrows the log by
// action, person and dates (kept in the URL), reads a change as before/after, and exports what
// it filtered to .xlsx.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { ADMIN_PASSWORD, ApiSession, type Harness, loginViaUi, startHarness } from './harness.js';

const ZY = { username: 'zy-audit', displayName: '中云审计填报员', password: 'reporter-pass-123' };

// The page loads its code and the list after navigation: give it time on a busy machine.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

/** Types into one of the page's filter Selects (found by its test id) and picks the first match. */
async function pick(page: Page, testId: string, search: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.click();
  await input.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await input.press('Enter');
}

describe('audit log page in the browser', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let admin: Page;
  let today: string;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...ZY, unit: '中云街道', role: 'reporter' });
    await ApiSession.login(h.baseUrl, ZY.username, ZY.password);
    const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
    const street = units.find((u) => u.name === '宋跳街道');
    await h.admin.call('PATCH', `/api/units/${street?.id}`, { name: '宋跳街道办事处' });
    today = (await h.admin.call<{ today: string }>('GET', '/api/auth/me')).today;
    ({ context: ctx, page: admin } = await h.newPage());
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
  });

  const actions = (page: Page) =>
    page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));

  it('shows the chain verified on top and every step with its Chinese name', async () => {
    await admin.getByTestId('menu-admin-audit').click();
    await admin.waitForURL('**/admin/audit');
    await expect
      .poll(() => admin.getByTestId('audit-chain-status').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('ok');
    await expect(admin.getByTestId('audit-chain-status').textContent()).resolves.toContain('审计日志完整');
    await admin.getByTestId('audit-row').first().waitFor();
    const shown = await actions(admin);
    expect(shown).toEqual(expect.arrayContaining(['user.create', 'auth.login', 'unit.update']));
    const names = await admin.getByTestId('audit-action').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['添加用户', '登录', '修改单位']));
    // No raw codes on screen.
    expect(names.join('')).not.toMatch(/[a-z_]+\.[a-z_]+/);
    await admin.getByTestId('audit-verify').click();
    await expect.poll(() => admin.getByTestId('audit-chain-status').getAttribute('data-state')).toBe('ok');
    await shot(admin, 'audit-log-1440');
    await admin.setViewportSize({ width: 1280, height: 720 });
    await shot(admin, 'audit-log-1280');
    await admin.setViewportSize({ width: 1440, height: 900 });
  });

  it('filters by action and reads the change as before and after', async () => {
    await pick(admin, 'audit-filter-action', '修改单位');
    await admin.waitForURL(/action=unit\.update/);
    await poll(() => actions(admin)).toEqual(['unit.update']);
    // The object by the name it has now, not its number.
    await expect(admin.getByTestId('audit-entity').allTextContents()).resolves.toEqual([
      '单位 宋跳街道办事处',
    ]);
    await admin.getByTestId('audit-row').first().click();
    const changes = admin.getByTestId('audit-changes');
    await changes.waitFor();
    const text = (await changes.textContent()) ?? '';
    expect(text).toContain('名称');
    expect(text).toContain('宋跳街道');
    expect(text).toContain('宋跳街道办事处');
    await shot(admin, 'audit-log-detail');
  });

  it('filters by person, keeps the filters in the URL and exports exactly those rows', async () => {
    await admin.getByTestId('audit-clear').click();
    await pick(admin, 'audit-filter-actor', ZY.displayName);
    await admin.waitForURL(/actor=\d+/);
    await poll(() => actions(admin)).toEqual(['auth.login']);
    await admin.reload();
    await poll(() => actions(admin)).toEqual(['auth.login']);
    const download = admin.waitForEvent('download');
    await admin.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`审计日志_${today}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await file.path()) as string)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志');
    expect(ws?.rowCount).toBe(2);
    expect(ws?.getRow(2).getCell(3).value).toBe(ZY.displayName);
    expect(ws?.getRow(2).getCell(6).value).toBe('登录');
  });

  it('filters by China days', async () => {
    await admin.goto(`${h.baseUrl}/admin/audit?from=${today}&to=${today}&action=user.create`);
    // The seeded admin and the street's clerk, both added today.
    await poll(() => actions(admin)).toEqual(['user.create', 'user.create']);
    const [y, m, d] = today.split('-').map(Number);
    const tomorrow = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
    await admin.goto(`${h.baseUrl}/admin/audit?from=${tomorrow}`);
    await admin.getByText('没有符合条件的记录').waitFor();
    await expect(admin.getByTestId('audit-row').count()).resolves.toBe(0);
  });

  it('is not in a street clerk’s menu, and the address answers 无权访问', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, ZY.username, ZY.password);
      await expect(page.getByTestId('menu-admin-audit').count()).resolves.toBe(0);
      await page.goto(`${h.baseUrl}/admin/audit`);
      await page.getByText('无权访问').waitFor();
    } finally {
      await context.close();
    }
  });
});
