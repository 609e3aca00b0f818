// The walking skeleton end to end: log in through the browser, see the plan's check items, and
// see them scoped to a street for that street's reporter.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, loginViaUi, SCREENSHOTS, startHarness } from './harness.js';

interface CheckItem {
  seq: number;
  units: { id: number; name: string }[];
}

const STREET = '中云街道';
const REPORTER = { username: 'zhongyun-reporter', displayName: '中云填报员', password: 'reporter-pass-123' };

describe('skeleton: overview and 本单位任务 in the browser', () => {
  let h: Harness;
  let campaignId: number;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    const campaigns = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
    expect(campaigns).toHaveLength(1);
    campaignId = campaigns[0]?.id ?? 0;
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('admin logs in and sees all 37 check items on the overview', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', 'e2e-admin-pass-123');
      // The admin lands on the 待办 workbench; the overview is one menu entry away.
      await page.getByTestId('workbench').waitFor();
      await page.getByTestId('menu-overview').click();
      await page.getByTestId('check-item-row').first().waitFor();
      await expect.poll(() => page.getByTestId('check-item-row').count()).toBe(37);
      await expect(page.getByTestId('current-user').textContent()).resolves.toContain('区领导小组办公室');
      // Admin menus are there for the admin.
      await expect(page.getByTestId('menu-admin-units').count()).resolves.toBe(1);
      // The server verified the audit log after start-up; the admin's header says so.
      await expect
        .poll(() => page.getByTestId('audit-status').getAttribute('data-state'), { timeout: 15_000 })
        .toBe('ok');
      await expect(page.getByTestId('audit-status').textContent()).resolves.toBe('审计日志完整');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'skeleton-admin-overview.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it(`a reporter of ${STREET} sees only that street's items and no admin menus`, async () => {
    const items = await h.admin.call<CheckItem[]>('GET', `/api/campaigns/${campaignId}/check-items`);
    const expected = items.filter((i) => i.units.some((u) => u.name === STREET)).map((i) => i.seq);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(37);

    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, REPORTER.username, REPORTER.password);
      await expect(page.getByTestId('current-user').textContent()).resolves.toContain(STREET);
      await expect(page.getByTestId('audit-status').count()).resolves.toBe(0);
      await page.getByTestId('menu-tasks').click();
      await page.waitForURL('**/tasks');
      await page.getByTestId('check-item-row').first().waitFor();
      await expect.poll(() => page.getByTestId('check-item-row').count()).toBe(expected.length);
      const shown = await page
        .getByTestId('check-item-row')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
      expect(shown.sort((a, b) => a - b)).toEqual(expected);

      for (const id of ['menu-admin-units', 'menu-admin-users', 'menu-admin-campaigns']) {
        await expect(page.getByTestId(id).count()).resolves.toBe(0);
      }
      const menu = await page.getByRole('navigation', { name: '主菜单' }).textContent();
      expect(menu).not.toMatch(/单位管理|用户管理|活动管理/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'skeleton-reporter-tasks.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
