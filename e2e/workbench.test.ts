// The 待办 landing page in the browser: each role lands on what waits for them — a street's
// reporter and unit head, the office, an inspector — and a leader on the 督查看板; an entry opens
// its item, a section's link opens the filtered list, and the side menu carries the counts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../packages/server/src/test/server-process.js';
import { shot, toast } from './antd.js';
import { pngImage } from './files.js';
import { ApiSession, type Harness, loginViaUi, startHarness } from './harness.js';
import { bellCount, unitId } from './supervision-steps.js';

const STREET = '中云街道';
const OTHER = '猴嘴街道';
const users = {
  reporter: { username: 'zy-reporter', displayName: '中云填报员', unit: STREET, role: 'reporter' },
  head: { username: 'zy-head', displayName: '中云负责人', unit: STREET, role: 'unit_head' },
  other: { username: 'hz-reporter', displayName: '猴嘴填报员', unit: OTHER, role: 'reporter' },
  leader: { username: 'leader', displayName: '区领导', unit: '区领导小组办公室', role: 'leader' },
  inspector: { username: 'inspector', displayName: '督查员', unit: '区领导小组办公室', role: 'inspector' },
} as const;
const PASSWORD = 'workbench-pass-123';

const sectionCount = async (page: Page, key: string) =>
  Number(await page.locator(`[data-testid=workbench-section][data-key=${key}]`).getAttribute('data-count'));
const entryKeys = (page: Page, key: string) =>
  page
    .locator(`[data-testid=workbench-section][data-key=${key}] [data-testid=workbench-entry]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
const menuBadge = (page: Page, path: string) =>
  page.locator(`[data-testid=menu-badge][data-path="${path}"]`).getAttribute('data-count');

/** The page at both sizes the office's screens have, looked at after the run. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-1440`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot(page, `${name}-1280`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('待办 workbench in the browser', () => {
  let h: Harness;
  let campaignId: number;
  let street: number;
  const problem: Record<string, number> = {};

  beforeAll(async () => {
    h = await startHarness();
    for (const u of Object.values(users)) await h.createUser({ ...u, password: PASSWORD });
    [{ id: campaignId }] = (await h.admin.call<{ id: number }[]>('GET', '/api/campaigns')) as [
      { id: number },
    ];
    street = await unitId(h, STREET);
    const other = await unitId(h, OTHER);
    const file = async (unit: number, description: string) =>
      (
        await h.admin.call<{ problem: { id: number } }>('POST', '/api/problems', {
          campaignId,
          unitId: unit,
          checkItem: 13,
          source: '自查',
          description,
          foundDate: '2020-01-10',
          mode: '限期整改',
          deadline: '2020-03-31',
          responsibleLeader: '张主任',
          responsiblePerson: '赵科员',
          cause: '程序要求理解不到位',
          measures: '补齐公示材料',
        })
      ).problem.id;
    problem.returned = await file(street, '新庄村“两公告四公示”程序资料不全，公示照片缺失');
    problem.review = await file(street, '前进村低保对象动态调整未按季度公示');
    problem.open = await file(street, '红旗村危房改造档案资料未归档');
    problem.other = await file(other, '猴嘴街道某村扶贫项目资产登记不完整');
    // The street works two of them and submits them for 销号; the office returns one.
    const reporter = await ApiSession.login(h.baseUrl, users.reporter.username, PASSWORD);
    const cookie = await signIn(h.baseUrl, users.reporter.username, PASSWORD);
    for (const id of [problem.returned, problem.review]) {
      const form = new FormData();
      form.append('file', new Blob([pngImage()], { type: 'image/png' }), '整改照片.png');
      const uploaded = await fetch(`${h.baseUrl}/api/files`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      expect(uploaded.status).toBe(200);
      await reporter.call('POST', `/api/problems/${id}/progress`, {
        version: 1,
        date: '2020-01-15',
        text: '已补拍公示照片，补齐会议记录',
        attachmentIds: [((await uploaded.json()) as { id: number }).id],
      });
      await reporter.call('POST', `/api/problems/${id}/submit`, { version: 2, text: '材料已补齐' });
    }
    await h.admin.call('POST', `/api/problems/${problem.returned}/return`, {
      version: 3,
      reason: '公示照片不清晰，请重新拍摄',
    });
    // The reporter has saved January's report: it now waits for the head.
    const url = `/api/campaigns/${campaignId}/monthly-reports/2020-01/units/${street}`;
    const view = await reporter.call<{ version: number }>('GET', url);
    await reporter.call('PUT', url, {
      version: view.version,
      fillerName: '中云填报员',
      reviewerName: '',
      phone: '0518-85882331',
      rows: [],
    });
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it("a street's reporter lands on its 待办, with menu counts, and an entry opens the problem", async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, users.reporter.username, PASSWORD);
      await page.getByTestId('workbench').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await expect.poll(() => entryKeys(page, 'returned')).toEqual([String(problem.returned)]);
      // Every problem's deadline (2020) has passed: all three of the street's are overdue, none of 猴嘴's.
      expect(await sectionCount(page, 'overdue')).toBe(3);
      expect(await entryKeys(page, 'overdue')).not.toContain(String(problem.other));
      expect(await sectionCount(page, 'reports')).toBeGreaterThan(0);
      await expect.poll(() => menuBadge(page, '/problems')).toBe('3');
      expect(Number(await menuBadge(page, '/'))).toBe(
        Number(await page.getByTestId('workbench').getAttribute('data-total')),
      );
      await shots(page, 'workbench-street-reporter');

      await page
        .locator('[data-testid=workbench-section][data-key=returned] [data-testid=workbench-entry-link]')
        .click();
      await page.waitForURL(`**/problems/${problem.returned}`);
      await expect
        .poll(() =>
          page
            .getByTestId('problem-detail')
            .getByTestId('problem-status')
            .first()
            .getAttribute('data-status'),
        )
        .toBe('returned');
      // The overview stays one click away.
      await page.getByTestId('menu-overview').click();
      await page.waitForURL('**/overview');
      await page.getByTestId('check-item-row').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('the unit head sees the report the reporter filled, and opens it', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, users.head.username, PASSWORD);
      await page.getByTestId('workbench').waitFor();
      await expect.poll(() => entryKeys(page, 'reports')).toEqual(['2020-01']);
      await expect.poll(() => menuBadge(page, '/reports')).toBe('1');
      await page
        .locator('[data-testid=workbench-section][data-key=reports] [data-testid=workbench-entry-link]')
        .click();
      await page.waitForURL(`**/reports/2020-01/${street}`);

      // The office's 退回 told the street: opening that notice from here reads it, as the bell does.
      await page.getByTestId('menu-workbench').click();
      const notices = page.locator('[data-testid=workbench-section][data-key=notices]');
      await notices.waitFor();
      const unread = await bellCount(page);
      expect(unread).toBeGreaterThan(0);
      await notices.getByTestId('workbench-entry-link').first().click();
      await page.waitForURL((url) => url.pathname !== '/');
      await expect.poll(() => bellCount(page)).toBe(unread - 1);
    } finally {
      await context.close();
    }
  });

  it('the office lands on the 待销号 queue and overdue units; a section opens the filtered ledger', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', 'e2e-admin-pass-123');
      await page.getByTestId('workbench').waitFor();
      await expect.poll(() => entryKeys(page, 'review_queue')).toEqual([String(problem.review)]);
      expect(await sectionCount(page, 'overdue_units')).toBe(2);
      await expect.poll(() => menuBadge(page, '/problems')).toBe('1');
      await shots(page, 'workbench-office');
      await page
        .locator('[data-testid=workbench-section][data-key=review_queue] [data-testid=workbench-more]')
        .click();
      await page.waitForURL(/\/problems\?status=awaiting_review/);
      await page.locator(`[data-testid=problem-row][data-id="${problem.review}"]`).waitFor();
      expect(await page.getByTestId('problem-row').count()).toBe(1);

      // The office sets how far ahead "due soon" looks, on the 提醒设置 page.
      await page.getByTestId('menu-reminder-settings').click();
      const days = page.getByTestId('due-within-days');
      await days.fill('10');
      await page.getByTestId('workbench-settings-save').click();
      await toast(page, '待办设置已保存');
      expect(await h.admin.call('GET', '/api/settings/workbench')).toEqual({ dueWithinDays: 10 });
      await shots(page, 'workbench-settings');
    } finally {
      await context.close();
    }
  });

  it('a leader lands on the 督查看板; an inspector on their visits', async () => {
    const leader = await h.newPage();
    try {
      await loginViaUi(leader.page, h.baseUrl, users.leader.username, PASSWORD);
      await leader.page.waitForURL('**/supervision');
      expect(await leader.page.getByTestId('menu-workbench').count()).toBe(0);
    } finally {
      await leader.context.close();
    }

    const api = await ApiSession.login(h.baseUrl, users.inspector.username, PASSWORD);
    const visit = await api.call<{ id: number }>('POST', '/api/inspections', {
      campaignId,
      unitId: street,
      visitDate: '2020-01-12',
      place: '新庄村',
      visitType: '暗访',
      inspectors: '督查员',
      findings: '公示栏内容未及时更新',
    });
    const inspector = await h.newPage();
    try {
      await loginViaUi(inspector.page, h.baseUrl, users.inspector.username, PASSWORD);
      await inspector.page.getByTestId('workbench').waitFor();
      await expect.poll(() => entryKeys(inspector.page, 'visits')).toEqual([String(visit.id)]);
      await inspector.page.locator('[data-testid=workbench-entry-link]').click();
      await inspector.page.waitForURL(`**/inspections/${visit.id}`);
    } finally {
      await inspector.context.close();
    }
  });
});
