// Batch handling in the browser: the office ticks problems waiting for 销号 in the ledger, closes
// three at once and returns the rest with one reason; a problem changed meanwhile refuses the
// whole batch, listed with its reason, and can be unticked to send the rest. A 数据比对 problem
// not yet cleared by a re-screen cannot be closed: the buttons say why before any dialog.
import { chinaToday } from '@paicha/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, shot, toast } from './antd.js';
import { insertAwaitingReview, tick } from './batch-steps.js';
import { pngImage } from './files.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

type Listed = { id: number; status: string; version: number; returnReason: string };

describe('batch 销号 and 退回 from the ledger', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let admin: Page;
  let toClose: number[];
  let toReturn: number[];
  let screened: number;

  const problem = async (id: number) =>
    (await h.admin.call<{ problem: Listed }>('GET', `/api/problems/${id}`)).problem;

  beforeAll(async () => {
    h = await startHarness();
    toClose = insertAwaitingReview(h, '中云街道', [
      '中云村3户低收入农户帮扶手册填写不完整',
      '中云村产业扶贫项目公示照片缺失',
      '新河村帮扶责任人走访记录与实际不符',
    ]);
    toReturn = insertAwaitingReview(h, '猴嘴街道', [
      '猴嘴村2户危房改造验收资料缺少现场照片',
      '猴嘴村扶贫资金使用明细未按月公示',
      '南城村低保对象动态调整台账未更新',
    ]);
    [screened] = insertAwaitingReview(
      h,
      '朝阳街道',
      ['朝阳村1户家庭成员信息与公安户籍不一致'],
      '数据比对',
    ) as [number];
    ({ context: ctx, page: admin } = await h.newPage());
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
  });

  it('closes three ticked problems at once after a dialog stating the count', async () => {
    await admin.goto(`${h.baseUrl}/problems?status=awaiting_review`);
    await admin.getByTestId('problem-row').first().waitFor();
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(7);
    await admin.setViewportSize({ width: 1280, height: 720 });
    await shot(admin, 'ledger-counts-1280', false);
    await admin.setViewportSize({ width: 1440, height: 900 });
    await tick(admin, toClose);
    const bar = admin.getByTestId('batch-bar');
    await expect(bar.getByTestId('batch-count').textContent()).resolves.toBe('已选 3 项');
    await shot(admin, 'ledger-batch-bar');
    await admin.setViewportSize({ width: 1280, height: 720 });
    await shot(admin, 'ledger-batch-bar-1280', false);
    await admin.setViewportSize({ width: 1440, height: 900 });

    await bar.getByTestId('batch-close').click();
    const dialog = admin.getByRole('dialog', { name: '批量销号（3 个问题）' });
    await expect(dialog.getByTestId('batch-intro').textContent()).resolves.toContain('将对所选 3 个问题销号');
    await dialog.getByLabel('审核意见').fill('经核查均已整改到位');
    await shot(admin, 'ledger-batch-close-dialog', false);
    await dialog.getByTestId('batch-ok').click();
    await toast(admin, '已销号 3 个问题');
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(4);
    await expect(bar.isVisible()).resolves.toBe(false);
    for (const id of toClose) expect((await problem(id)).status).toBe('closed');
  });

  it('returns the rest with one reason; one changed meanwhile refuses the whole batch, listed', async () => {
    await tick(admin, toReturn);
    // Another clerk of the office edits one of them while the list is open.
    const [changed, ...rest] = toReturn as [number, ...number[]];
    await h.admin.call('PATCH', `/api/problems/${changed}`, { version: 1, place: '猴嘴村三组' });

    await admin.getByTestId('batch-return').click();
    const dialog = admin.getByRole('dialog', { name: '批量退回（3 个问题）' });
    await dialog.getByLabel('退回理由（所选问题共用）').fill('佐证材料不全，请补充整改前后对比照片');
    await dialog.getByTestId('batch-ok').click();
    const refused = dialog.getByTestId('batch-refused');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('所选 3 个问题中有 1 个不能退回，本次均未办理');
    const row = refused.locator(`[data-testid=batch-refused-row][data-id="${changed}"]`);
    await expect(row.textContent()).resolves.toContain('已被他人修改');
    await shot(admin, 'ledger-batch-refused', false);
    await admin.setViewportSize({ width: 1280, height: 720 });
    await shot(admin, 'ledger-batch-refused-1280', false);
    await admin.setViewportSize({ width: 1440, height: 900 });
    // All or nothing: the other two are still waiting for 销号.
    for (const id of rest) expect((await problem(id)).status).toBe('awaiting_review');

    await dialog.getByTestId('batch-drop-refused').click();
    await expect(admin.getByTestId('batch-count').textContent()).resolves.toBe('已选 2 项');
    await admin.getByTestId('batch-return').click();
    const again = admin.getByRole('dialog', { name: '批量退回（2 个问题）' });
    await again.getByLabel('退回理由（所选问题共用）').fill('佐证材料不全，请补充整改前后对比照片');
    await again.getByTestId('batch-ok').click();
    await toast(admin, '已退回 2 个问题');
    for (const id of rest)
      expect(await problem(id)).toMatchObject({
        status: 'returned',
        returnReason: '佐证材料不全，请补充整改前后对比照片',
      });
  });

  it('cannot close a 数据比对 problem not yet cleared: disabled before any dialog, with the reason', async () => {
    await admin.goto(`${h.baseUrl}/problems?status=awaiting_review`);
    await admin.locator(`[data-testid=problem-row][data-id="${screened}"]`).waitFor();
    await expect.poll(() => admin.getByTestId('problem-row').count()).toBe(2);
    await tick(admin, [screened]);
    await expect(admin.getByTestId('batch-close').isDisabled()).resolves.toBe(true);
    await expect(admin.getByTestId('batch-return').isDisabled()).resolves.toBe(false);
    await admin.getByTestId('batch-close').hover({ force: true });
    await admin.getByRole('tooltip').filter({ hasText: '尚未经再次比对清除' }).waitFor();

    await admin.goto(`${h.baseUrl}/problems/${screened}`);
    const close = admin.getByTestId('step-close');
    await close.waitFor();
    await expect(close.isDisabled()).resolves.toBe(true);
    await expect(admin.getByTestId('step-actions').textContent()).resolves.toContain(
      '数据比对发现的问题须经再次比对不再出现后方可销号',
    );
    await shot(admin, 'problem-close-blocked', false);
    expect(await admin.getByRole('dialog').count()).toBe(0);
    expect((await problem(screened)).status).toBe('awaiting_review');
  });

  it('the office sets the 立行立改期限; the form says what an empty deadline becomes', async () => {
    await admin.goto(`${h.baseUrl}/notifications/settings`);
    const card = admin.getByTestId('ledger-settings');
    await card.waitFor();
    await expect(card.getByTestId('immediate-days').inputValue()).resolves.toBe('7');
    await card.getByTestId('immediate-days').fill('5');
    await card.getByTestId('ledger-settings-save').click();
    await toast(admin, '台账设置已保存');
    await shot(admin, 'ledger-settings');
    await admin.setViewportSize({ width: 1280, height: 720 });
    await shot(admin, 'ledger-settings-1280', false);
    await admin.setViewportSize({ width: 1440, height: 900 });
    expect(await h.admin.call('GET', '/api/settings/ledger')).toEqual({
      immediateDays: 5,
      immediateWorkingDays: false,
    });

    await admin.goto(`${h.baseUrl}/problems/new`);
    const form = admin.getByTestId('problem-form');
    await form.getByLabel('立行立改').check();
    await form.getByText('不填则为登记之日起 5 天').waitFor();
    await shot(admin, 'problem-new-immediate', false);
  });

  it('a street records one progress note with a photo on several of its problems at once', async () => {
    const reporterAccount = {
      username: 'zy-batch',
      displayName: '中云填报员',
      password: 'reporter-pass-321',
    };
    await h.createUser({ ...reporterAccount, unit: '中云街道', role: 'reporter' });
    const ids = insertAwaitingReview(
      h,
      '中云街道',
      ['中云村5户帮扶措施未落实到位', '新河村2户教育资助未按时发放'],
      '自查',
      'pending',
    );
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, reporterAccount.username, reporterAccount.password);
      await page.goto(`${h.baseUrl}/problems?status=pending`);
      await page.locator(`[data-testid=problem-row][data-id="${ids[0]}"]`).waitFor();
      await tick(page, ids);
      await expect(page.getByTestId('batch-count').textContent()).resolves.toBe('已选 2 项');
      // A unit is offered only its own step.
      await expect(page.getByTestId('batch-close').count()).resolves.toBe(0);
      await page.getByTestId('batch-progress').click();
      const dialog = page.getByRole('dialog', { name: '批量记录进展（2 个问题）' });
      await fillDate(dialog, '进展日期', chinaToday());
      await dialog.getByLabel('整改进展（所选问题共用）').fill('已逐户上门核实，补齐帮扶台账');
      await dialog.locator('input[type=file]').setInputFiles({
        name: '整改照片.png',
        mimeType: 'image/png',
        buffer: pngImage(),
      });
      await dialog.locator('[data-testid=evidence-file][data-status=done]').waitFor();
      await shot(page, 'ledger-batch-progress', false);
      await dialog.getByTestId('batch-ok').click();
      await toast(page, '已记录整改进展 2 个问题');
      for (const id of ids) {
        const d = await h.admin.call<{ problem: Listed; events: { kind: string; attachments: unknown[] }[] }>(
          'GET',
          `/api/problems/${id}`,
        );
        expect(d.problem.status).toBe('rectifying');
        expect(d.events.at(-1)).toMatchObject({ kind: 'progress' });
        expect(d.events.at(-1)?.attachments).toHaveLength(1);
      }
    } finally {
      await context.close();
    }
  });
});
