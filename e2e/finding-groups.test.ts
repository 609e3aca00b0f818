// The street's grouped 数据比对 problem in the browser: one ledger row per street × rule with its
// findings' progress; the problem page lists the findings paged, filtered by state and village;
// 提交销号 stays disabled, saying how many findings are left, until a later screening has cleared
// them all.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { clearGroup, insertGroup } from './group-steps.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

// Each filter is a request to a loaded server: give the table time to answer.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const ZY = { username: 'zy-group', displayName: '中云填报员', password: 'reporter-pass-123' };

describe('a grouped 数据比对 problem', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let group: number;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...ZY, unit: '中云街道', role: 'reporter' });
    group = insertGroup(h, 32, 29);
    ({ context: ctx, page } = await h.newPage());
    await loginViaUi(page, h.baseUrl, ZY.username, ZY.password);
  });

  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
  });

  const rows = () => page.getByTestId('group-finding-row');
  const households = () => rows().evaluateAll((rs) => rs.map((r) => r.getAttribute('data-household') ?? ''));
  const progress = (scope: Page) => scope.getByTestId('findings-progress').first();

  it('shows one ledger row for the group with its findings’ progress', async () => {
    await page.goto(`${h.baseUrl}/problems?source=${encodeURIComponent('数据比对')}`);
    await page.getByTestId('problem-row').first().waitFor();
    await poll(() => page.getByTestId('problem-row').count()).toBe(1);
    const row = page.getByTestId('problem-row').first();
    await expect(row.textContent()).resolves.toContain('已脱贫户人均纯收入低于脱贫标准（中云街道，32户）');
    await expect(row.getByTestId('findings-progress').textContent()).resolves.toContain('29/32');
    await shot(page, 'group-ledger');
  });

  it('lists the findings paged and filtered; 提交销号 is disabled with the count left', async () => {
    await page.goto(`${h.baseUrl}/problems/${group}`);
    await page.getByTestId('group-findings').waitFor();
    await rows().first().waitFor();
    await poll(() => rows().count()).toBe(20);
    await expect(page.getByTestId('group-findings').textContent()).resolves.toContain('共 32 条');
    await expect(progress(page).getAttribute('data-done')).resolves.toBe('29');

    await page.getByTestId('group-findings-status').getByText('未完成').click();
    await poll(households).toEqual(['3207060010030', '3207060010031', '3207060010032']);
    await page.getByTestId('group-findings-village').fill('南村');
    await page.getByTestId('group-findings-village').press('Enter');
    // Of the three open ones, only 32 lies in 南村 (villages go 西, 南, 东 by household number).
    await poll(households).toEqual(['3207060010032']);
    await page.getByTestId('group-findings-status').getByText('全部').click();
    await poll(() => rows().count()).toBe(11);

    const submit = page.getByTestId('step-submit');
    await expect(submit.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('step-actions').textContent()).resolves.toContain('还有3条问题线索未完成');
    await page.getByTestId('group-findings-village').fill('');
    await page.getByTestId('group-findings-village').press('Enter');
    await poll(() => rows().count()).toBe(20);
    await shot(page, 'group-problem');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'group-problem-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('lifts the findings’ block once a later screening has cleared every one', async () => {
    clearGroup(h, group);
    await page.reload();
    await page.getByTestId('group-findings').waitFor();
    await poll(() => progress(page).getAttribute('data-done')).toBe('32');
    // What still holds 提交销号 back is the evidence every problem needs, no longer the findings.
    await expect(page.getByTestId('step-actions').textContent()).resolves.not.toContain('问题线索未完成');
    await expect(page.getByTestId('step-actions').textContent()).resolves.toContain('佐证材料');
    await shot(page, 'group-problem-cleared');
  });

  it('shows the office the findings apart from the problems on the dashboard and the scorecard', async () => {
    const office = await h.newPage();
    await loginViaUi(office.page, h.baseUrl, 'admin', ADMIN_PASSWORD);
    await office.page.goto(`${h.baseUrl}/supervision`);
    const card = office.page.getByTestId('dashboard-findings');
    await card.waitFor();
    await poll(() => card.textContent()).toContain('中云街道');
    await expect(card.textContent()).resolves.toContain('发现线索32');
    await card.scrollIntoViewIfNeeded();
    await shot(office.page, 'group-dashboard');
    await office.page.goto(`${h.baseUrl}/supervision/scorecard`);
    const row = office.page.locator('[data-testid=scorecard-row][data-unit=中云街道]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('32');
    await shot(office.page, 'group-scorecard');
    await office.context.close();
  });
});
