// Supervision in the browser: the office runs the reminders; a street reporter sees the bell,
// opens a reminder and lands on its page; the office 催办 the street from the 月报 grid and from an
// overdue problem, and sees what was sent; a 明察暗访 visit's finding becomes a problem the street
// sees in its ledger; the office enters a 审计 problem for a department.
import { addDays } from '@paicha/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, pickOption, shot, toast } from './antd.js';
import { ADMIN_PASSWORD, ApiSession, type Harness, loginViaUi, startHarness } from './harness.js';
import {
  bellCount,
  campaignDueTomorrow,
  chooseOption,
  itemOf,
  unitId,
  unreadOf,
} from './supervision-steps.js';

const STREET = '中云街道';
const DEPT = '区财政局';
const REPORTER = { username: 'zy-notice', displayName: '中云填报员', password: 'reporter-pass-123' };

describe('reminders, 催办, 明察暗访 and problems from other sources', () => {
  let h: Harness;
  let campaignId: number;
  let tomorrow: string;
  let streetId: number;
  let overdueId: number;
  let reporterApi: ApiSession;
  let reporterCtx: BrowserContext;
  let reporter: Page;
  let adminCtx: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    // Reminders go out on working days only: the server's clock is pinned to one.
    h = await startHarness({ clock: 'working-day' });
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    ({ campaignId, tomorrow } = await campaignDueTomorrow(h));
    streetId = await unitId(h, STREET);
    const today = h.today;
    // A problem of the street two days past its deadline: reminded as missed, and 催办-able.
    const { problem } = await h.admin.call<{ problem: { id: number } }>('POST', '/api/problems', {
      campaignId,
      unitId: streetId,
      checkItem: await itemOf(h, campaignId, streetId),
      source: '自查',
      description: '2户低收入农户帮扶手册未发放到位',
      foundDate: addDays(today, -10),
      mode: '限期整改',
      deadline: addDays(today, -2),
    });
    overdueId = problem.id;
    reporterApi = await ApiSession.login(h.baseUrl, REPORTER.username, REPORTER.password);
    ({ context: reporterCtx, page: reporter } = await h.newPage());
    ({ context: adminCtx, page: admin } = await h.newPage());
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await reporterCtx?.close();
    await adminCtx?.close();
    await h?.stop();
  });

  it('the office runs the reminders now and sees how many were created', async () => {
    await admin.getByTestId('menu-reminder-settings').click();
    await admin.waitForURL('**/notifications/settings');
    await admin.getByTestId('reminder-form').getByText('提前 3 天', { exact: true }).first().waitFor();
    await admin.getByTestId('reminders-run').click();
    await admin.getByTestId('reminders-run-ok').click();
    const result = admin.getByTestId('reminders-result');
    await result.waitFor();
    expect(Number(await result.getAttribute('data-created'))).toBeGreaterThan(0);
    await shot(admin, 'supervision-reminder-settings');
    const sent = await h.admin.call<{ items: { kind: string; unitId: number; link: string }[] }>(
      'GET',
      '/api/notifications?all=1&limit=500',
    );
    const street = sent.items.filter((n) => n.unitId === streetId);
    expect(street).toContainEqual(expect.objectContaining({ kind: 'upcoming', link: '/submissions' }));
    expect(street).toContainEqual(
      expect.objectContaining({ kind: 'missed', link: `/problems/${overdueId}` }),
    );
  });

  it('the street reporter sees the bell count, opens a reminder and lands on its page', async () => {
    const unread = await unreadOf(reporterApi);
    expect(unread).toBeGreaterThanOrEqual(2);
    await loginViaUi(reporter, h.baseUrl, REPORTER.username, REPORTER.password);
    await expect.poll(() => bellCount(reporter)).toBe(unread);
    await reporter.getByTestId('notification-bell').click();
    // The milestone reminder (a monthly report may be due soon too, depending on today's date).
    const upcoming = reporter
      .locator('[data-testid=notification-item][data-kind=upcoming][data-link="/submissions"]')
      .first();
    await upcoming.waitFor();
    await expect(upcoming.textContent()).resolves.toContain('还有1天');
    await shot(reporter, 'supervision-bell-dropdown', false);
    await upcoming.click();
    await reporter.waitForURL('**/submissions');
    await expect.poll(() => bellCount(reporter)).toBe(unread - 1);

    await reporter.getByTestId('menu-notifications').click();
    const missed = reporter.locator('[data-testid=notification-row][data-kind=missed]', {
      hasText: `问题 ${overdueId}`,
    });
    await missed.waitFor();
    await shot(reporter, 'supervision-notifications-reporter');
    await missed.getByTestId('notification-open').click();
    await reporter.waitForURL(`**/problems/${overdueId}`);
    await expect.poll(() => bellCount(reporter)).toBe(unread - 2);
  });

  it('the office sends a 催办 from the 月报 grid and from the overdue problem; the reporter sees it', async () => {
    await admin.getByTestId('menu-reports').click();
    const cell = admin
      .locator(`[data-testid=grid-cell][data-unit="${STREET}"]`)
      .filter({ has: admin.locator('[data-timeliness=missing]') })
      .first();
    await cell.waitFor();
    const period = (await cell.getAttribute('data-period')) as string;
    await cell.locator('xpath=ancestor::td[1]').getByTestId('grid-urge').click();
    const dialog = admin.getByRole('dialog', { name: '催办', exact: true });
    await expect(dialog.getByTestId('urge-units').textContent()).resolves.toBe(STREET);
    await expect(dialog.getByLabel('催办事项').inputValue()).resolves.toContain('月报逾期未报送');
    await shot(admin, 'supervision-urge-dialog', false);
    await dialog.getByTestId('urge-ok').click();
    await admin.getByTestId('urge-confirm').click();
    await toast(admin, '已向 1 个单位发送催办');

    await admin.goto(`${h.baseUrl}/problems/${overdueId}`);
    await admin.getByTestId('problem-urge').click();
    await expect(dialog.getByLabel('催办事项').inputValue()).resolves.toContain('已超过整改时限');
    await dialog.getByTestId('urge-ok').click();
    await shot(admin, 'supervision-urge-confirm', false);
    await admin.getByTestId('urge-confirm').click();
    await toast(admin, '已向 1 个单位发送催办');

    await admin.getByTestId('menu-notifications').click();
    await admin.getByTestId('tab-sent').click();
    const urged = admin.locator(`[data-testid=sent-row][data-kind=urge][data-unit="${STREET}"]`);
    await expect.poll(() => urged.count()).toBe(2);
    await shot(admin, 'supervision-sent');
    // The general 催办 picks several units; closing it untouched sends nothing.
    await admin.getByTestId('urge-new').click();
    await dialog.getByRole('button', { name: '全部街道' }).click();
    const picked = await dialog
      .locator('.ant-select-selection-item[title]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(picked).toEqual(expect.arrayContaining([STREET, '猴嘴街道', '朝阳街道', '宋跳街道']));
    expect(picked).not.toContain(DEPT);
    await shot(admin, 'supervision-urge-units', false);
    await dialog.getByRole('button', { name: '取消' }).click();
    await admin.getByRole('button', { name: '放弃' }).click();

    await reporter.getByTestId('menu-notifications').click();
    const urge = reporter.locator('[data-testid=notification-row][data-kind=urge]', { hasText: '月报' });
    await urge.waitFor();
    await expect(urge.textContent()).resolves.toContain('【催办】');
    await expect.poll(() => bellCount(reporter)).toBe(await unreadOf(reporterApi));
    await shot(reporter, 'supervision-urge-received');
    await urge.getByTestId('notification-open').click();
    await reporter.waitForURL(`**/reports/${period}/${streetId}`);
  });

  it('a 明察暗访 finding becomes a problem the street sees in its ledger', async () => {
    await admin.getByTestId('menu-inspections').click();
    await admin.getByTestId('inspection-new').click();
    const visit = admin.getByTestId('inspection-form');
    await pickOption(visit, '被检查单位', '中云');
    await fillDate(visit, '检查日期', addDays(h.today, -1));
    await visit.getByText('暗访（不打招呼）').click();
    await visit.getByLabel('检查地点').fill('中云村三组');
    await visit.getByLabel('检查人员').fill('齐振龙、王督查');
    await visit.getByLabel('发现问题').fill('1户低保户家中饮用井水，自来水管网未入户');
    await shot(admin, 'supervision-visit-dialog', false);
    await admin.getByTestId('inspection-save').click();
    await toast(admin, '已登记明察暗访');
    await admin.waitForURL(/\/inspections\/\d+$/);
    const visitUrl = admin.url();

    await admin.getByTestId('inspection-to-problem').click();
    await admin.waitForURL(/\/inspections\/\d+\/problem$/);
    const form = admin.getByTestId('problem-form');
    await expect(form.getByTestId('fixed-unit').textContent()).resolves.toBe(STREET);
    await pickOption(form, '排查事项', `${await itemOf(h, campaignId, streetId)}. `);
    await form.getByLabel('问题描述').fill('低保户刘某家中自来水未入户，仍饮用井水');
    await form.getByLabel('整改措施').fill('协调水务公司接通管网并入户');
    await form.getByLabel('限期整改').check();
    await fillDate(form, '整改时限', tomorrow);
    await shot(admin, 'supervision-visit-to-problem');
    await admin.getByTestId('problem-save').click();
    await toast(admin, `已交办${STREET}`);
    await admin.waitForURL(visitUrl);
    const link = admin.getByTestId('visit-problem-link').first();
    const problemId = Number(await link.getAttribute('data-id'));
    await shot(admin, 'supervision-visit-detail');

    await reporter.goto(`${h.baseUrl}/problems?source=${encodeURIComponent('明察暗访')}`);
    const row = reporter.locator(`[data-testid=problem-row][data-id="${problemId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('明察暗访');
    await reporter.getByTestId('menu-inspections').click();
    await reporter.getByTestId('inspection-row').first().waitFor();
    await expect(reporter.getByTestId('inspection-row').count()).resolves.toBe(1);
    await expect(reporter.getByTestId('inspection-new').count()).resolves.toBe(0);
    await shot(reporter, 'supervision-visits-reporter');
  });

  it('the office enters a 审计 problem for a department and finds it under its source', async () => {
    await admin.getByTestId('menu-sources').click();
    await admin.getByTestId('source-new').click();
    await admin.waitForURL('**/sources/new');
    const form = admin.getByTestId('problem-form');
    await pickOption(form, '责任单位（交办）', '财政');
    await form.getByLabel('问题来源', { exact: true }).click();
    await expect(admin.locator('.ant-select-dropdown:visible [title="自查"]').count()).resolves.toBe(0);
    await admin.keyboard.press('Escape');
    await chooseOption(form, '问题来源', '审计');
    await pickOption(form, '排查事项', `${await itemOf(h, campaignId, await unitId(h, DEPT))}. `);
    await form.getByLabel('问题描述').fill('审计发现2019年度区级扶贫专项资金结余未及时统筹使用');
    await form.getByLabel('限期整改').check();
    await fillDate(form, '整改时限', tomorrow);
    await shot(admin, 'supervision-source-new');
    await admin.getByTestId('problem-save').click();
    await admin.waitForURL(/\/problems\/\d+$/);
    const info = admin.getByTestId('problem-info');
    await expect(info.textContent()).resolves.toContain('审计');
    await expect(info.textContent()).resolves.toContain(DEPT);

    await admin.getByTestId('menu-sources').click();
    const audit = admin.locator('[data-testid=source-row][data-source="审计"]');
    await expect.poll(() => audit.getAttribute('data-total')).toBe('1');
    await expect(
      admin.locator('[data-testid=source-row][data-source="明察暗访"]').getAttribute('data-total'),
    ).resolves.toBe('1');
    await shot(admin, 'supervision-sources');
    await audit.getByTestId('source-ledger-link').click();
    await admin.waitForURL(/\/problems\?.*source=/);
    await admin.getByTestId('problem-row').first().waitFor();
    await expect(admin.getByTestId('problem-row').count()).resolves.toBe(1);
  });
});
