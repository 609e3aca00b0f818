// One current campaign: creating a campaign that has not started moves nobody (a street's home,
// 月报 and 台账 stay on the running one), a person's explicit choice is kept on the server across
// reloads and browsers; a street added later gets its 各街道 items and 月报 rows; deactivating a
// street states its counts and hands its work on.
import { addDays, chinaToday } from '@paicha/core';
import type { Campaign } from '@paicha/core/api/campaigns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, shot, toast } from './antd.js';
import { type Harness, loginViaUi, startHarness } from './harness.js';

const STREET = '中云街道';
/** Pages load slowly on a busy machine: wait for what a clerk would see, up to 15 s (not 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const REPORTER = { username: 'zy-current', displayName: '中云填报员', password: 'reporter-pass-123' };
const LATE = { username: 'xinba-reporter', displayName: '新坝填报员', password: 'reporter-pass-123' };
const RUNNING = '问题大排查（进行中）';
const COMING = '第二轮问题大排查';

describe('the current campaign in the browser', () => {
  let h: Harness;
  let running: Campaign;
  const today = chinaToday();

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    running = await h.admin.call<Campaign>('POST', '/api/campaigns', {
      title: RUNNING,
      startDate: addDays(today, -40),
    });
    await fileProblem(STREET, '进行中活动的问题：公示材料不全');
  });

  async function fileProblem(unit: string, description: string) {
    const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
    return h.admin.call<{ problem: { id: number } }>('POST', '/api/problems', {
      campaignId: running.id,
      unitId: units.find((u) => u.name === unit)?.id,
      checkItem: 13,
      source: '自查',
      description,
      foundDate: addDays(today, -10),
      mode: '立行立改',
      deadline: null,
      responsibleLeader: '张主任',
      responsiblePerson: '赵科员',
      cause: '程序理解不到位',
      measures: '补齐公示材料',
    });
  }
  afterAll(async () => {
    await h?.stop();
  });

  /** The street's home, 月报 and 台账 all show the running campaign. */
  async function seesRunning(page: Page, title: string) {
    await page.getByTestId('menu-overview').click();
    await poll(() => page.getByTestId('campaign-title').textContent()).toBe(title);
    await page.getByTestId('menu-reports').click();
    await page.waitForURL('**/reports');
    await page.getByTestId('grid-cell').first().waitFor();
    const periods = await page
      .getByTestId('grid-cell')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-period')));
    return periods;
  }

  it('a new campaign typed in as 2020-11-26 or starting next month moves nobody', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', 'e2e-admin-pass-123');
      await page.getByTestId('menu-admin-campaigns').click();
      await page.waitForURL('**/admin/campaigns');
      for (const [title, start] of [
        ['往年复查', '2020-11-26'],
        [COMING, addDays(today, 30)],
      ] as const) {
        await page.getByRole('button', { name: '新建活动' }).click();
        const form = page.getByTestId('new-campaign-form');
        await form.getByLabel('活动名称').fill(title);
        await fillDate(form, '开始日期', start);
        if (start === '2020-11-26') await shots(page, 'campaign-new-typed-date');
        await page.getByRole('button', { name: '创建' }).click();
        await toast(page, `已创建“${title}”`);
        await page.locator('[data-testid="campaign-row"]', { hasText: title }).waitFor();
      }
      const all = await h.admin.call<{ title: string; startDate: string }[]>('GET', '/api/campaigns');
      expect(all.find((c) => c.title === '往年复查')?.startDate).toBe('2020-11-26');
      // The running campaign is still the current one, marked so in the list.
      const currentRow = page.locator('[data-testid="campaign-row"]', {
        has: page.getByTestId('current-campaign-tag'),
      });
      await poll(() => currentRow.textContent()).toContain(RUNNING);
      await shots(page, 'campaign-admin-list');
    } finally {
      await context.close();
    }
  });

  it("keeps the street on the running campaign, and keeps a person's own choice across reload and browsers", async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, REPORTER.username, REPORTER.password);
      const periods = await seesRunning(page, RUNNING);
      const runningPeriods = running.milestones
        .filter((m: { kind: string }) => m.kind === 'monthly')
        .map((m: { period: string | null }) => m.period);
      expect(periods.every((p) => runningPeriods.includes(p))).toBe(true);
      await page.getByTestId('menu-problems').click();
      await page.locator('[data-testid="problem-row"]', { hasText: '进行中活动的问题' }).waitFor();
      await shots(page, 'campaign-street-ledger');

      // The reporter looks at the coming campaign on purpose; it stays chosen after a reload.
      await page.getByTestId('menu-overview').click();
      await choose(page, 'campaign-select', COMING);
      await poll(() => page.getByTestId('campaign-title').textContent()).toBe(COMING);
      await page.reload();
      await poll(() => page.getByTestId('campaign-title').textContent()).toBe(COMING);
      await shots(page, 'campaign-chosen-overview');
    } finally {
      await context.close();
    }
    // Another browser, the same person: the choice is theirs, kept on the server.
    const other = await h.newPage();
    try {
      await loginViaUi(other.page, h.baseUrl, REPORTER.username, REPORTER.password);
      await other.page.getByTestId('menu-overview').click();
      await poll(() => other.page.getByTestId('campaign-title').textContent()).toBe(COMING);
      await other.page.getByTestId('campaign-follow-current').click();
      await poll(() => other.page.getByTestId('campaign-title').textContent()).toBe(RUNNING);
      await other.page.getByTestId('menu-problems').click();
      await other.page.locator('[data-testid="problem-row"]', { hasText: '进行中活动的问题' }).waitFor();
    } finally {
      await other.context.close();
    }
  });

  it('a street added later sees its 各街道 items and its 月报 rows', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', 'e2e-admin-pass-123');
      await page.getByTestId('menu-admin-units').click();
      await page.getByRole('button', { name: '添加单位' }).click();
      await page.getByTestId('unit-form').getByLabel('单位名称').fill('新坝街道');
      await page.getByRole('button', { name: '保存' }).click();
      await toast(page, '单位已添加');
      await page.locator('[data-testid="unit-row"][data-unit="新坝街道"]').waitFor();
    } finally {
      await context.close();
    }
    await h.createUser({ ...LATE, unit: '新坝街道', role: 'reporter' });
    const items = await h.admin.call<{ seq: number; units: { name: string }[] }[]>(
      'GET',
      `/api/campaigns/${running.id}/check-items`,
    );
    const streetItems = items.filter((i) => i.units.some((u) => u.name === STREET)).length;
    expect(items.filter((i) => i.units.some((u) => u.name === '新坝街道')).length).toBe(streetItems);

    const late = await h.newPage();
    try {
      await loginViaUi(late.page, h.baseUrl, LATE.username, LATE.password);
      await late.page.getByTestId('menu-tasks').click();
      await poll(() => late.page.getByTestId('check-item-row').count()).toBe(streetItems);
      await shots(late.page, 'campaign-late-street-tasks');
      await late.page.getByTestId('menu-reports').click();
      const cell = late.page.locator('[data-testid="grid-cell"][data-unit="新坝街道"]').first();
      await cell.click();
      await late.page.getByTestId('report-row').first().waitFor();
      await poll(() => late.page.getByTestId('report-row').count()).toBe(streetItems);
    } finally {
      await late.context.close();
    }
  });

  it('deactivating a street states its counts and hands its work to the street the admin picks', async () => {
    const problem = await fileProblem('新坝街道', '新坝街道的问题：台账未建立');
    const { context, page } = await h.newPage();
    try {
      await h.admin.call('PATCH', `/api/users/${await userId(h, LATE.username)}`, { active: false });
      await loginViaUi(page, h.baseUrl, 'admin', 'e2e-admin-pass-123');
      await page.getByTestId('menu-admin-units').click();
      const row = page.locator('[data-testid="unit-row"][data-unit="新坝街道"]');
      await row.getByTestId('unit-deactivate').click();
      const counts = page.getByTestId('unit-workload');
      await counts.waitFor();
      expect(Number(await counts.getAttribute('data-assignments'))).toBeGreaterThan(0);
      await poll(() => counts.textContent()).toContain('1 个未销号问题');
      await choose(page, 'receiving-unit', STREET);
      await shots(page, 'campaign-deactivate-dialog');
      await page.getByRole('button', { name: '确认停用' }).click();
      await toast(page, '已停用 新坝街道');
      await row.getByTestId('unit-inactive').waitFor();
      await shots(page, 'campaign-units-page');
      const moved = await h.admin.call<{ problem: { unit: { name: string } } }>(
        'GET',
        `/api/problems/${problem.problem.id}`,
      );
      expect(moved.problem.unit.name).toBe(STREET);
    } finally {
      await context.close();
    }
  });
});

async function userId(h: Harness, username: string): Promise<number> {
  const users = await h.admin.call<{ id: number; username: string }[]>('GET', '/api/users');
  return users.find((u) => u.username === username)?.id as number;
}

/** Opens the Select with the test id and clicks the option showing `text`. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/** The page as a clerk sees it on the office's two usual screens: 1440×900 and 1280×720. */
async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `${name}-${width}`, false);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
