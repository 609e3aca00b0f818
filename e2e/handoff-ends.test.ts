// Hand-off notices in the browser, at both ends: a street whose problem the office hands to
// another street reads where it went (改交他单位, opened in its ledger); the office's 待销号 notice
// shows 已审核 and leaves its unread count once the office has returned the problem.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../packages/server/src/test/server-process.js';
import { shot } from './antd.js';
import { pngImage } from './files.js';
import { ADMIN_PASSWORD, ApiSession, type Harness, loginViaUi, startHarness } from './harness.js';
import { bellCount, itemOf, unitId, unreadOf } from './supervision-steps.js';

const ZY = { username: 'zy-handoff', displayName: '中云交办填报员', password: 'reporter-pass-123' };

interface Problem {
  id: number;
  version: number;
}

describe('hand-off notices at both ends', () => {
  let h: Harness;
  let campaignId: number;
  let zyId: number;
  let hzId: number;
  let item: number;
  let zyApi: ApiSession;
  let zyCookie: string;
  let zyCtx: BrowserContext;
  let zy: Page;
  let adminCtx: BrowserContext;
  let admin: Page;

  const record = async (description: string) =>
    (
      await h.admin.call<{ problem: Problem }>('POST', '/api/problems', {
        campaignId,
        unitId: zyId,
        checkItem: item,
        source: '自查',
        description,
        foundDate: (await h.admin.call<{ today: string }>('GET', '/api/auth/me')).today,
        mode: '限期整改',
        deadline: '2099-12-31',
        deadlineReason: '跨年度整改',
      })
    ).problem;
  const row = (page: Page, kind: string, text: string) =>
    page.locator(`[data-testid=notification-row][data-kind=${kind}]`, { hasText: text });

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...ZY, unit: '中云街道', role: 'reporter' });
    campaignId = (await h.admin.call<{ id: number }[]>('GET', '/api/campaigns'))[0]?.id as number;
    zyId = await unitId(h, '中云街道');
    hzId = await unitId(h, '猴嘴街道');
    item = await itemOf(h, campaignId, zyId);
    zyApi = await ApiSession.login(h.baseUrl, ZY.username, ZY.password);
    zyCookie = await signIn(h.baseUrl, ZY.username, ZY.password);
    ({ context: zyCtx, page: zy } = await h.newPage());
    ({ context: adminCtx, page: admin } = await h.newPage());
  });

  afterAll(async () => {
    await zyCtx?.close();
    await adminCtx?.close();
    await h?.stop();
  });

  it('the street that loses a problem by 交办 reads where it went and opens its ledger', async () => {
    const p = await record('2户危房改造补助资金未拨付到户');
    await h.admin.call('POST', `/api/problems/${p.id}/assign`, {
      version: p.version,
      unitId: hzId,
      reason: '农户户籍在猴嘴街道',
    });
    const unread = await unreadOf(zyApi);
    await loginViaUi(zy, h.baseUrl, ZY.username, ZY.password);
    await expect.poll(() => bellCount(zy), { timeout: 15_000 }).toBe(unread);
    await zy.getByTestId('menu-notifications').click();
    const lost = row(zy, 'reassigned', `问题 ${p.id} 已改由猴嘴街道整改`);
    await lost.waitFor();
    await expect(lost.textContent()).resolves.toContain('交办说明：农户户籍在猴嘴街道');
    await expect(lost.getByTestId('notification-kind').textContent()).resolves.toBe('改交他单位');
    await expect(lost.getByTestId('notification-open').textContent()).resolves.toBe('查看');
    await shot(zy, 'handoff-notice-reassigned');
    await lost.getByTestId('notification-open').click();
    await zy.waitForURL(/\/problems$/);
    await expect.poll(() => bellCount(zy)).toBe(unread - 1);
  });

  it("the office's 待销号 notice shows 已审核 once the office has returned the problem", async () => {
    let p = await record('村务公开栏低保名单未更新');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pngImage())], { type: 'image/png' }), '整改照片.png');
    const uploaded = await fetch(`${h.baseUrl}/api/files`, {
      method: 'POST',
      headers: { cookie: zyCookie },
      body: form,
    });
    expect(uploaded.status).toBe(200);
    const photo = ((await uploaded.json()) as { id: number }).id;
    p = (
      await zyApi.call<{ problem: Problem }>('POST', `/api/problems/${p.id}/progress`, {
        version: p.version,
        date: (await zyApi.call<{ today: string }>('GET', '/api/auth/me')).today,
        text: '已更新公示名单',
        attachmentIds: [photo],
      })
    ).problem;
    p = (
      await zyApi.call<{ problem: Problem }>('POST', `/api/problems/${p.id}/submit`, {
        version: p.version,
        text: '公示名单已更新',
      })
    ).problem;

    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
    const unread = await unreadOf(h.admin);
    await expect.poll(() => bellCount(admin), { timeout: 15_000 }).toBe(unread);
    await admin.getByTestId('menu-notifications').click();
    const asked = row(admin, 'submitted', `申请问题 ${p.id} 销号`);
    await asked.waitFor();
    await expect(asked.getAttribute('data-resolved')).resolves.toBe('');
    await expect(asked.getByTestId('notification-open').textContent()).resolves.toBe('去办理');

    await h.admin.call('POST', `/api/problems/${p.id}/return`, {
      version: p.version,
      reason: '照片看不清名单',
    });
    await admin.reload();
    await asked.waitFor();
    await expect.poll(() => asked.getAttribute('data-resolved')).toBe('reviewed');
    await expect(asked.getByTestId('notification-resolved').textContent()).resolves.toBe('已审核');
    await expect(asked.getByTestId('notification-open').textContent()).resolves.toBe('查看');
    await expect.poll(() => bellCount(admin)).toBe(unread - 1);
    await shot(admin, 'handoff-notice-reviewed');
  });
});
