// Notices on hand-offs in the browser: a street applies for 销号 and the office finds it in its own
// bell, returns it with a reason; the office returns the street's monthly report and issues a 通报;
// the street reads each in its bell, opens each by its link, and reads the reasons on its 通知
// page, where a reminder whose report has been sent shows as 已完成.
import { addDays } from '@paicha/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, toast } from './antd.js';
import { pngImage } from './files.js';
import { ADMIN_PASSWORD, ApiSession, type Harness, loginViaUi, startHarness } from './harness.js';
import { logProgress, submitForClosure } from './ledger-steps.js';
import { bellCount, campaignDueTomorrow, itemOf, unitId, unreadOf } from './supervision-steps.js';

const STREET = '中云街道';
const REPORTER = { username: 'zy-handoff', displayName: '中云填报员', password: 'reporter-pass-123' };
const HEAD = { username: 'zy-head', displayName: '中云分管领导', password: 'head-pass-12345' };
const PROBLEM_REASON = '佐证照片未体现公示栏全貌，请补拍';
const REPORT_REASON = '第13项整改进度未写明完成时限';

interface Milestone {
  kind: string;
  period: string | null;
  dueDate: string;
}

describe('a notice on every hand-off', () => {
  let h: Harness;
  let campaignId: number;
  let streetId: number;
  let problemId: number;
  let period: string;
  let reporterApi: ApiSession;
  let headApi: ApiSession;
  let reporterCtx: BrowserContext;
  let reporter: Page;
  let adminCtx: BrowserContext;
  let admin: Page;

  /** Opens the street's bell and the notice of `kind` whose title holds `text`; returns its title. */
  const openFromBell = async (page: Page, kind: string, text: string) => {
    await page.getByTestId('notification-bell').click();
    const item = page
      .locator(`[data-testid=notification-item][data-kind=${kind}]`, { hasText: text })
      .first();
    await item.waitFor();
    const title = (await item.textContent()) ?? '';
    await item.click();
    return title;
  };

  beforeAll(async () => {
    // Reminders go out on working days only: the server's clock is pinned to one.
    h = await startHarness({ clock: 'working-day' });
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    await h.createUser({ ...HEAD, unit: STREET, role: 'unit_head' });
    ({ campaignId } = await campaignDueTomorrow(h));
    streetId = await unitId(h, STREET);
    reporterApi = await ApiSession.login(h.baseUrl, REPORTER.username, REPORTER.password);
    headApi = await ApiSession.login(h.baseUrl, HEAD.username, HEAD.password);
    const today = h.today;
    const { problem } = await reporterApi.call<{ problem: { id: number } }>('POST', '/api/problems', {
      campaignId,
      checkItem: await itemOf(h, campaignId, streetId),
      source: '自查',
      description: '中云村“两公告四公示”公示栏照片缺失',
      foundDate: addDays(today, -5),
      mode: '限期整改',
      deadline: addDays(today, 1),
    });
    problemId = problem.id;
    // The latest monthly report already due: reminded as missed, then sent and returned below.
    const c = await h.admin.call<{ milestones: Milestone[] }>('GET', `/api/campaigns/${campaignId}`);
    period = c.milestones
      .filter((m) => m.kind === 'monthly' && m.dueDate < today)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .at(-1)?.period as string;
    expect(period).toBeTruthy();
    await h.admin.call('POST', '/api/reminders/run', {});
    ({ context: reporterCtx, page: reporter } = await h.newPage());
    ({ context: adminCtx, page: admin } = await h.newPage());
    await loginViaUi(reporter, h.baseUrl, REPORTER.username, REPORTER.password);
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await reporterCtx?.close();
    await adminCtx?.close();
    await h?.stop();
  });

  it('a 销号 application reaches the office; its 退回 reaches the street with the reason', async () => {
    await reporter.goto(`${h.baseUrl}/problems/${problemId}`);
    await logProgress(reporter, '已补拍公示栏照片', { name: '公示栏.png', buffer: pngImage() });
    await submitForClosure(reporter);

    await admin.reload();
    await expect.poll(() => bellCount(admin), { timeout: 15_000 }).toBeGreaterThan(0);
    const title = await openFromBell(admin, 'submitted', `问题 ${problemId}`);
    expect(title).toContain(`【待销号】${STREET}申请问题 ${problemId} 销号`);
    await admin.waitForURL(`**/problems/${problemId}`);
    await admin.getByTestId('step-return').click();
    const dialog = admin.getByRole('dialog', { name: '退回整改' });
    await dialog.getByLabel('退回理由').fill(PROBLEM_REASON);
    await dialog.getByTestId('return-ok').click();
    await toast(admin, '退回成功');

    const before = await bellCount(reporter);
    await reporter.getByTestId('menu-notifications').click();
    await expect.poll(() => bellCount(reporter), { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => unreadOf(reporterApi)).toBe(before + 1);
    const opened = await openFromBell(reporter, 'returned', `问题 ${problemId}`);
    expect(opened).toContain('销号申请被退回');
    await reporter.waitForURL(`**/problems/${problemId}`);
    await reporter.getByTestId('return-reason').filter({ hasText: PROBLEM_REASON }).waitFor();
    await expect.poll(() => bellCount(reporter), { timeout: 15_000 }).toBe(before);
  });

  it('the office returns the monthly report; the street opens it from the bell at the report', async () => {
    const url = `/api/campaigns/${campaignId}/monthly-reports/${period}/units/${streetId}`;
    const view = await reporterApi.call<{ version: number; rows: { seq: number }[] }>('GET', url);
    const saved = await reporterApi.call<{ version: number }>('PUT', url, {
      version: view.version,
      fillerName: '张填报',
      reviewerName: '',
      phone: '0518-85882331',
      rows: view.rows.map((r) => ({
        seq: r.seq,
        situation: `第${r.seq}项已排查`,
        measures: '按方案整改',
        progress: '整改中',
      })),
    });
    const sent = await headApi.call<{ version: number }>('POST', `${url}/submit`, { version: saved.version });
    await h.admin.call('POST', `${url}/return`, { version: sent.version, reason: REPORT_REASON });

    await reporter.reload();
    const title = await openFromBell(reporter, 'returned', '月报');
    expect(title).toContain('请修改后重新报送');
    await reporter.waitForURL(`**/reports/${period}/${streetId}`);
    await reporter.getByTestId('return-reason').filter({ hasText: REPORT_REASON }).waitFor();
  });

  it('issuing a 通报 tells the street, which opens it from the bell', async () => {
    const draft = await h.admin.call<{ id: number; version: number }>('POST', '/api/supervision/circulars', {
      campaignId,
    });
    await h.admin.call('POST', `/api/supervision/circulars/${draft.id}/issue`, { version: draft.version });

    await reporter.reload();
    const title = await openFromBell(reporter, 'circular', '通报');
    expect(title).toContain('【通报】');
    await reporter.waitForURL(`**/supervision/circulars/${draft.id}`);
    await reporter.locator('[data-testid=circular-status][data-status=issued]').waitFor();
  });

  it('the street reads every hand-off with its reason on its 通知 page; a sent report resolves its reminder', async () => {
    await reporter.getByTestId('menu-notifications').click();
    const rows = reporter.getByTestId('notification-row');
    await rows.first().waitFor();
    const returned = reporter.locator('[data-testid=notification-row][data-kind=returned]');
    await expect.poll(() => returned.count(), { timeout: 15_000 }).toBe(2);
    const texts = await returned.allTextContents();
    expect(texts.join('\n')).toContain(`退回理由：${PROBLEM_REASON}`);
    expect(texts.join('\n')).toContain(`退回理由：${REPORT_REASON}`);
    // The missed-report reminder is done (the report was sent once): muted, marked 已完成.
    const done = reporter.locator('[data-testid=notification-row][data-kind=missed][data-resolved=done]', {
      hasText: '月报',
    });
    await done.first().waitFor();
    await expect(done.first().getByTestId('notification-resolved').textContent()).resolves.toBe('已完成');
    await shot(reporter, 'notices-street-1440');
    await reporter.setViewportSize({ width: 1280, height: 720 });
    await shot(reporter, 'notices-street-1280');
    // The kind filter offers the hand-offs by their Chinese names.
    await reporter.getByTestId('notification-kind-filter').click();
    await reporter.locator('.ant-select-dropdown:visible .ant-select-item-option[title="退回"]').click();
    await expect.poll(() => rows.count()).toBe(2);
    await shot(reporter, 'notices-street-filtered', false);

    await admin.getByTestId('menu-notifications').click();
    await admin.locator('[data-testid=notification-row][data-kind=submitted]').first().waitFor();
    await shot(admin, 'notices-office-1440');
    await admin.setViewportSize({ width: 1280, height: 720 });
    await shot(admin, 'notices-office-1280');
    // What every unit was sent: the street's answered reminder shows there as 已完成 too.
    await admin.getByTestId('tab-sent').click();
    const sent = admin.locator('.ant-tabs-tabpane-active');
    const unitFilter = sent.getByRole('combobox', { name: '接收单位' });
    await unitFilter.click();
    await unitFilter.fill('中云');
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await unitFilter.press('Enter');
    await sent.getByRole('combobox', { name: '类型' }).click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option[title="已逾期"]').click();
    await sent
      .locator('[data-testid=sent-row]', { hasText: '月报' })
      .getByTestId('notification-resolved')
      .waitFor();
    await shot(admin, 'notices-office-sent');
  });
});
