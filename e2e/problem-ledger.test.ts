// The ledger's whole loop in the browser: a street reporter records a problem, logs progress with
// a photo, submits for 销号; the office returns it; the street fixes and resubmits; the office
// closes it out; the history shows every step. Another street can neither list nor open it, and an
// edit made against a stale version loses nothing typed.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, pickOption, shot, toast } from './antd.js';
import { pngImage } from './files.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';
import { historyKinds, logProgress, status, submitForClosure } from './ledger-steps.js';

const STREET = '中云街道';
const REPORTER = { username: 'zy-ledger', displayName: '中云填报员', password: 'reporter-pass-123' };
const OTHER = { username: 'hz-ledger', displayName: '猴嘴填报员', password: 'reporter-pass-456' };
const RETURN_REASON = '佐证照片看不清门牌号，请补充整改后的全景照片';

describe('problem ledger loop in the browser', () => {
  let h: Harness;
  let seq: number;
  let campaignId: number;
  let problemId: number;
  let reporterCtx: BrowserContext;
  let reporter: Page;
  let adminCtx: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    await h.createUser({ ...OTHER, unit: '猴嘴街道', role: 'reporter' });
    const [campaign] = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
    campaignId = campaign?.id ?? 0;
    const items = await h.admin.call<{ seq: number; units: { name: string }[] }[]>(
      'GET',
      `/api/campaigns/${campaign?.id}/check-items`,
    );
    // A two-digit 序号, so typing it picks exactly that item.
    seq = items.find((i) => i.seq >= 10 && i.units.some((u) => u.name === STREET))?.seq ?? 0;
    expect(seq).toBeGreaterThan(0);
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

  it('a street reporter records a problem; a reload loses nothing typed', async () => {
    await reporter.getByTestId('menu-problems').click();
    await reporter.waitForURL('**/problems');
    await reporter.getByTestId('new-problem').click();
    await reporter.waitForURL('**/problems/new');
    const form = reporter.getByTestId('problem-form');
    await pickOption(form, '排查事项', `${seq}. `);
    await fillDate(form, '发现日期', '2020-01-06');
    await form.getByLabel('问题描述').fill('低保户张某家中自来水未入户，仍饮用井水');
    // The draft is kept in the browser: a reload (or a failed save) must not lose it.
    await reporter.waitForTimeout(600);
    await reporter.reload();
    await reporter.getByTestId('draft-restored').waitFor();
    await expect(form.getByLabel('问题描述').inputValue()).resolves.toContain('仍饮用井水');

    await form.getByLabel('地点（村/组）').fill('中云村三组');
    await form.getByLabel('原因剖析').fill('供水管网未延伸到该组，摸排时遗漏');
    await form.getByLabel('整改措施').fill('协调水务公司接通管网并入户');
    await form.getByLabel('责任领导').fill('王主任');
    await form.getByLabel('责任人').fill('李干事');
    await form.getByLabel('限期整改').check();
    await fillDate(form, '整改时限', '2020-06-30');
    // Past the campaign's 05-31 rectification date: a reason is asked for.
    await form.getByLabel('超期理由').fill('管网施工须待汛期后进行');
    await shot(reporter, 'ledger-new-problem');
    await reporter.getByTestId('problem-save').click();
    await reporter.waitForURL(/\/problems\/\d+$/);
    problemId = Number(new URL(reporter.url()).pathname.split('/').pop());
    await expect.poll(() => status(reporter)).toBe('pending');
    await expect(reporter.getByTestId('overdue-tag').count()).resolves.toBeGreaterThan(0);
    await expect(historyKinds(reporter)).resolves.toEqual(['created']);
  });

  it('logs progress with a photo (downloadable) and submits for 销号', async () => {
    await expect(reporter.getByTestId('step-submit').isDisabled()).resolves.toBe(true);
    const photo = pngImage(40, 30);
    await logProgress(
      reporter,
      '已联系水务公司，管网开挖中',
      { name: '整改现场.png', buffer: photo },
      'ledger-progress-dialog',
    );
    await expect.poll(() => status(reporter)).toBe('rectifying');
    const link = reporter.getByTestId('evidence-link').first();
    await expect(link.textContent()).resolves.toContain('整改现场.png');
    const res = await reporter.request.get(`${h.baseUrl}${await link.getAttribute('href')}`);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(Buffer.from(await res.body()).equals(photo)).toBe(true);
    await submitForClosure(reporter);
  });

  it('the office returns it with a reason', async () => {
    await admin.getByTestId('menu-problems').click();
    const row = admin.locator(`[data-testid=problem-row][data-id="${problemId}"]`);
    await row.waitFor();
    await expect(row.getByTestId('problem-status').getAttribute('data-status')).resolves.toBe(
      'awaiting_review',
    );
    await row.click();
    await admin.waitForURL(`**/problems/${problemId}`);
    await admin.getByTestId('step-return').click();
    const dialog = admin.getByRole('dialog', { name: '退回整改' });
    await dialog.getByTestId('return-ok').click();
    await dialog.getByText('请填写退回理由').waitFor();
    await dialog.getByLabel('退回理由').fill(RETURN_REASON);
    await dialog.getByText('请填写退回理由').waitFor({ state: 'detached' });
    await shot(admin, 'ledger-return-dialog', false);
    await dialog.getByTestId('return-ok').click();
    await toast(admin, '退回成功');
    await expect.poll(() => status(admin)).toBe('returned');
  });

  it('the reporter sees the reason, adds progress and resubmits', async () => {
    await reporter.reload();
    await expect(reporter.getByTestId('return-reason').textContent()).resolves.toContain(RETURN_REASON);
    await shot(reporter, 'ledger-returned-detail');
    await logProgress(reporter, '已补拍全景照片，自来水已入户通水', {
      name: '入户通水全景.png',
      buffer: pngImage(60, 40, [30, 120, 200]),
    });
    await submitForClosure(reporter);
  });

  it('the office closes it out; the history shows every step', async () => {
    await admin.reload();
    await admin.getByTestId('step-close').click();
    await admin.getByTestId('close-ok').click();
    await toast(admin, '销号成功');
    await expect.poll(() => status(admin)).toBe('closed');
    await expect(historyKinds(admin)).resolves.toEqual([
      'created',
      'progress',
      'submit',
      'return',
      'progress',
      'submit',
      'close',
    ]);
    await expect(admin.getByTestId('history').textContent()).resolves.toContain(RETURN_REASON);
    await shot(admin, 'ledger-closed-detail');
    await reporter.reload();
    await expect.poll(() => status(reporter)).toBe('closed');
    await expect(reporter.getByTestId('step-progress').count()).resolves.toBe(0);
  });

  it('a reporter of another street neither lists nor opens it', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await loginViaUi(page, h.baseUrl, OTHER.username, OTHER.password);
      await page.getByTestId('menu-problems').click();
      await page.getByText('尚未登记问题').waitFor();
      await expect(page.getByTestId('problem-row').count()).resolves.toBe(0);
      await page.goto(`${h.baseUrl}/problems/${problemId}`);
      await expect(page.getByTestId('problem-not-found').textContent()).resolves.toContain('不存在');
      await shot(page, 'ledger-other-street-not-found');
    } finally {
      await context.close();
    }
  });

  it('an edit against a stale version keeps the input, offers a reload and keeps the other change', async () => {
    const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
    const { problem: target } = await h.admin.call<{ problem: { id: number; version: number } }>(
      'POST',
      '/api/problems',
      {
        campaignId,
        unitId: units.find((u) => u.name === STREET)?.id,
        checkItem: seq,
        source: '巡察',
        description: '2户低收入农户未签订帮扶协议',
        foundDate: '2020-01-08',
        mode: '立行立改',
      },
    );
    await reporter.goto(`${h.baseUrl}/problems/${target?.id}`);
    await shot(reporter, 'ledger-reporter-detail-pending');
    await reporter.getByTestId('edit-problem').click();
    const form = reporter.getByTestId('problem-edit-form');
    const measures = '与帮扶责任人逐户签订帮扶协议，建立帮扶手册';
    await form.getByLabel('整改措施').fill(measures);
    // Meanwhile the office changes another field.
    await h.admin.call('PATCH', `/api/problems/${target?.id}`, {
      version: target?.version,
      responsiblePerson: '钱科员',
    });
    await reporter.getByTestId('edit-save').click();
    await reporter.getByTestId('version-conflict').waitFor();
    await expect(form.getByLabel('整改措施').inputValue()).resolves.toBe(measures);
    await shot(reporter, 'ledger-edit-conflict');
    await reporter.getByRole('button', { name: '载入最新版本' }).click();
    await reporter.getByTestId('others-changed').waitFor();
    await reporter.getByTestId('edit-save').click();
    await toast(reporter, '已保存修改');
    const info = reporter.getByTestId('problem-info');
    await expect(info.textContent()).resolves.toContain(measures);
    await expect(info.textContent()).resolves.toContain('钱科员');

    await reporter.getByTestId('menu-problems').click();
    await reporter.getByTestId('problem-row').first().waitFor();
    await expect(reporter.getByTestId('problem-row').count()).resolves.toBe(2);
    await shot(reporter, 'ledger-reporter-list');
  });
});
