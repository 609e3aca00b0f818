// 入户核实 on a phone (375×667, touch): a street's reporter opens a household with findings,
// records a visit — a verdict per finding, a photo from the camera input, the place — while the
// phone has no network; it waits as 待上传 and is sent when the connection returns. The office
// then sees the visit on the household and decides the street's 不属实 in the finding's drawer,
// and the street finds the findings' new states in its list, filtered by state.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../packages/server/src/test/server-process.js';
import { shot } from './antd.js';
import { pngImage } from './files.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';
import { HH, nationalXlsx } from './household-files.js';

const ZY = { username: 'zy-visit', displayName: '中云核实员', password: 'reporter-pass-789' };
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout });

/** Waits (outside a test: expect.poll cannot) until `done` says so, for up to a minute. */
async function until(done: () => Promise<boolean>) {
  for (let i = 0; i < 300; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

/** The office's data, through the API: the national roll imported and screened. */
async function importAndScreen(baseUrl: string) {
  const cookie = await signIn(baseUrl, 'admin', ADMIN_PASSWORD);
  const call = async (method: string, route: string, body?: unknown | FormData) => {
    const form = body instanceof FormData;
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: { cookie, ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: number; status: string; upload: { id: string } }>;
  };
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await nationalXlsx())]), '国扶系统导出.xlsx');
  const preview = await call('POST', '/api/households/uploads?source=national', form);
  const job = await call('POST', '/api/households/imports', {
    uploadId: preview.upload.id,
    source: 'national',
    mapping: { 成员关系: 'relation', 联系电话: null },
  });
  await until(async () => (await call('GET', `/api/households/imports/${job.id}`)).status === 'committed');
  const run = await call('POST', '/api/households/screenings', {});
  await until(async () => (await call('GET', `/api/households/screenings/${run.id}`)).status === 'done');
}

describe('入户核实 on a phone', () => {
  let h: Harness;
  let phoneCtx: BrowserContext;
  let phone: Page;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...ZY, unit: '中云街道', role: 'reporter' });
    await importAndScreen(h.baseUrl);
    phoneCtx = await h.browser.newContext({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      permissions: ['geolocation'],
      geolocation: { latitude: 34.5968, longitude: 119.2216, accuracy: 30 },
    });
    phone = await phoneCtx.newPage();
    await loginViaUi(phone, h.baseUrl, ZY.username, ZY.password);
  });

  afterAll(async () => {
    await phoneCtx?.close();
    await h?.stop();
  });

  it('records a visit with a photo offline, shows it 待上传, and sends it when the network returns', async () => {
    await phone.goto(`${h.baseUrl}/visit`);
    const household = phone.locator(`[data-testid=visit-household][data-household="${HH.A}"]`);
    await household.waitFor();
    // The phone's frame has no side menu.
    await expect(phone.getByRole('navigation', { name: '主菜单' }).count()).resolves.toBe(0);
    await shot(phone, 'visit-phone-queue');
    await phone.getByTestId('visit-search').fill('李秀');
    await phone.getByTestId('visit-search').press('Enter');
    await poll(() => phone.getByTestId('visit-household').count()).toBe(1);
    await household.click();
    await phone.getByTestId('visit-household-page').waitFor();
    await expect(phone.getByTestId('member-row').first().textContent()).resolves.toContain('户主');
    // 与户主关系 as the roll's file wrote it: the 户主人数 finding is checked on this card.
    await expect(phone.getByTestId('member-row').nth(1).textContent()).resolves.toContain('配偶');
    await shot(phone, 'visit-phone-household');

    await phoneCtx.setOffline(true);
    await phone.getByTestId('offline-tag').waitFor();
    const findings = phone.getByTestId('visit-finding');
    await poll(() => findings.count()).toBe(2);
    await findings.nth(0).getByText('属实', { exact: true }).click();
    await findings.nth(1).getByText('不属实', { exact: true }).click();
    await findings.nth(1).locator('textarea').fill('该户成员身份证号码已在公安系统核对无误');
    await phone
      .getByTestId('visit-photo-input')
      .setInputFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: pngImage(2400, 1800) });
    await phone.getByTestId('visit-photo').waitFor();
    await phone.getByTestId('visit-note').fill('户主在家，查看了收入账本');
    await phone.getByRole('button', { name: '记录当前位置' }).click();
    await phone.getByText('误差约30米').waitFor();
    await phone.getByTestId('visit-save').click();
    await phone.getByTestId('household-waiting').waitFor();
    await phone.getByTestId('visit-household-page').getByRole('button', { name: '返回列表' }).click();
    const outbox = phone.getByTestId('outbox');
    await outbox.waitFor();
    await expect(outbox.getAttribute('data-count')).resolves.toBe('1');
    await expect(phone.getByTestId('outbox-title').textContent()).resolves.toBe('待上传 1 条核实记录');
    // Without signal the list is the one loaded before, and the household opens from it too.
    await phone.getByTestId('queue-stale').waitFor();
    await household.click();
    await phone.getByTestId('household-waiting').waitFor();
    await phone.getByTestId('visit-household-page').getByRole('button', { name: '返回列表' }).click();
    await shot(phone, 'visit-phone-waiting');

    await phoneCtx.setOffline(false);
    await poll(() => outbox.count()).toBe(0);
    await household.click();
    const record = phone.getByTestId('visit-record');
    await record.waitFor();
    await expect(record.textContent()).resolves.toContain('户主在家，查看了收入账本');
    await expect(record.getByTestId('visit-record-photo').count()).resolves.toBe(1);
    await shot(phone, 'visit-phone-sent');
  });

  it("the office sees the visit on the household and accepts the street's 不属实", async () => {
    const { context, page } = await h.newPage();
    await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/households/h/${HH.A}`);
    const record = page.getByTestId('visit-record');
    await record.waitFor();
    await expect(record.textContent()).resolves.toContain('身份证号码已在公安系统核对无误');
    await expect(record.textContent()).resolves.toContain('位置 34.59680, 119.22160');
    const states = page.getByTestId('finding-verification');
    await poll(async () =>
      (await states.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).sort(),
    ).toEqual(['confirmed', 'disputed']);
    await shot(page, 'visit-office-household');
    await page
      .locator('[data-testid=finding-row]', { has: page.locator('[data-state=disputed]') })
      .getByTestId('finding-detail')
      .click();
    await page.getByTestId('verify-accept').click();
    await page.getByTestId('verify-note').fill('已核对公安户籍，数据录入有误');
    await page
      .getByRole('dialog', { name: '认定不属实' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const drawer = page.getByTestId('finding-drawer');
    await poll(() =>
      drawer.locator('[data-testid=finding-verification]').first().getAttribute('data-state'),
    ).toBe('dispute_accepted');
    await poll(() => drawer.getByTestId('verify-event').count()).toBe(2);
    await shot(page, 'visit-office-drawer', false);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'visit-office-drawer-1280', false);
    await context.close();
  });

  it('the street lists its findings by state and hands them to a village cadre in a batch', async () => {
    const { context, page } = await h.newPage();
    await loginViaUi(page, h.baseUrl, ZY.username, ZY.password);
    await page.goto(`${h.baseUrl}/households?verification=confirmed&status=all`);
    const rows = page.getByTestId('finding-row');
    await poll(() => rows.count()).toBe(1);
    await page.goto(`${h.baseUrl}/households`);
    await poll(() => rows.count()).toBeGreaterThan(1);
    await page.locator('[data-testid=findings] thead .ant-checkbox-input').check();
    await page.getByTestId('batch-assign').click();
    await page.getByTestId('assignee-name').fill('王村干');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const report = page.getByTestId('batch-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/已办理 \d+ 条/);
    await poll(() => page.getByTestId('findings').textContent()).toContain('王村干');
    await shot(page, 'visit-street-findings');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'visit-street-findings-1280');
    // On a desktop the visit page keeps the usual frame; the cadre assigned shows on the household.
    await page.goto(`${h.baseUrl}/visit`);
    const item = page.locator(`[data-testid=visit-household][data-household="${HH.A}"]`);
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('核实人：王村干');
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();
    await shot(page, 'visit-desktop-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'visit-desktop');
    await context.close();
  });
});
