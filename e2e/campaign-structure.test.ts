// The office edits a campaign's structure in the browser: before it starts, adds an item, moves it
// up, removes one (confirmed), drags one two places up and moves it from the keyboard, and reads
// the history; once started, the same edits (a phase dragged too) carry the reason typed above the
// tabs and the history shows it. A milestone's date on a day off says which day it is and what the
// campaign's deadline policy makes of it.
import { addDays, chinaToday } from '@paicha/core';
import type { Campaign } from '@paicha/core/api/campaigns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDate, shot, toast } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

/** Pages load slowly on a busy machine: wait for what a clerk would see, up to 15 s. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const NEW_CONTENT = '是否存在村级公益岗位人员选聘不公开的问题。';

describe('editing a campaign structure in the browser', () => {
  let h: Harness;
  let coming: Campaign;
  let running: Campaign;
  const today = chinaToday();

  beforeAll(async () => {
    h = await startHarness();
    coming = await h.admin.call<Campaign>('POST', '/api/campaigns', {
      title: '下一轮问题大排查',
      startDate: addDays(today, 30),
    });
    running = await h.admin.call<Campaign>('POST', '/api/campaigns', {
      title: '进行中的问题大排查',
      startDate: addDays(today, -20),
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const rows = (page: Page) => page.getByTestId('check-item-row');
  const contentOf = (page: Page, seq: number) =>
    page.locator(`[data-testid="check-item-row"][data-seq="${seq}"]`).textContent();

  async function open(page: Page, id: number) {
    await page.goto(`${h.baseUrl}/admin/campaigns?edit=${id}`);
    await rows(page).first().waitFor();
  }

  it('adds, moves up and removes items before the start, and lists the changes', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await open(page, coming.id);
      await poll(() => rows(page).count()).toBe(37);

      await page.getByTestId('add-check-item').click();
      const form = page.getByTestId('check-item-form');
      await form.getByLabel('排查项目').fill('公益岗位');
      await form.getByLabel('排查内容').fill(NEW_CONTENT);
      await shot(page, 'structure-add-item', false);
      await page.getByRole('button', { name: '保存' }).click();
      await toast(page, '已新增排查事项');
      await poll(() => rows(page).count()).toBe(38);
      await poll(() => contentOf(page, 38)).toContain(NEW_CONTENT);

      await page.getByRole('button', { name: '上移第38项' }).click();
      await toast(page, '第38项已移至第37项');
      await poll(() => contentOf(page, 37)).toContain(NEW_CONTENT);
      const old37 = await h.admin.call<{ seq: number; content: string }[]>(
        'GET',
        `/api/campaigns/${coming.id}/check-items`,
      );
      expect(old37[36]?.content).toBe(NEW_CONTENT);
      const moved = old37[37]?.content ?? '';

      await page.getByRole('button', { name: '删除第38项' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
      await toast(page, '第38项已删除');
      await poll(() => rows(page).count()).toBe(37);
      const after = await h.admin.call<{ content: string }[]>(
        'GET',
        `/api/campaigns/${coming.id}/check-items`,
      );
      expect(after.map((i) => i.content)).not.toContain(moved);
      expect(after[36]?.content).toBe(NEW_CONTENT);
      await shot(page, 'structure-items');

      await page.getByTestId('structure-history-tab').click();
      const changes = page.getByTestId('structure-change');
      await poll(() => changes.count()).toBe(3);
      await poll(() => changes.first().textContent()).toContain('删除第38项');
      expect(await changes.nth(1).textContent()).toContain('第38项移至第37项');
      expect(await changes.nth(2).textContent()).toContain('新增第38项');
      await shot(page, 'structure-history');

      // Dragged by its handle two places up, then one place down from the keyboard.
      await page.getByRole('tab', { name: '排查事项' }).click();
      const handle = (seq: number) =>
        page.locator(`[data-testid="check-item-row"][data-seq="${seq}"] [data-testid="drag-handle"]`);
      await handle(37).dragTo(page.locator('[data-testid="check-item-row"][data-seq="35"]'));
      await toast(page, '第37项已移至第35项');
      await poll(() => contentOf(page, 35)).toContain(NEW_CONTENT);
      await handle(35).focus();
      await handle(35).press('ArrowDown');
      await toast(page, '第35项已移至第36项');
      await poll(() => contentOf(page, 36)).toContain(NEW_CONTENT);
      // The keyboard stays with the moved row.
      await expect(page.locator(':focus').getAttribute('data-drag-seq')).resolves.toBe('36');
      const order = await h.admin.call<{ seq: number; content: string }[]>(
        'GET',
        `/api/campaigns/${coming.id}/check-items`,
      );
      expect(order.map((i) => i.seq)).toEqual([...Array(37).keys()].map((i) => i + 1));
      expect(order[35]?.content).toBe(NEW_CONTENT);
      await shot(page, 'structure-items-dragged');
      await page.getByTestId('structure-history-tab').click();
      await poll(() => changes.count()).toBe(5);
      expect(await changes.nth(0).textContent()).toContain('第35项移至第36项');
      expect(await changes.nth(1).textContent()).toContain('第37项移至第35项');
    } finally {
      await context.close();
    }
  });

  it('asks for a reason once the campaign has started and keeps it in the history', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await open(page, running.id);
      const items = await h.admin.call<{ content: string }[]>(
        'GET',
        `/api/campaigns/${running.id}/check-items`,
      );
      const second = items[1]?.content ?? '';
      await page.getByRole('button', { name: '下移第2项' }).click();
      await page.locator('.ant-message-notice', { hasText: '须填写修改原因' }).first().waitFor();
      await page.getByTestId('structure-reason').fill('按区领导小组意见调整顺序');
      await page.getByRole('button', { name: '下移第2项' }).click();
      await toast(page, '第2项已移至第3项');
      await poll(() => contentOf(page, 3)).toContain(second);
      await shot(page, 'structure-started');

      await page.getByRole('tab', { name: '比对规则对应事项' }).click();
      await page.getByTestId('rule-item-row').first().waitFor();
      await shot(page, 'structure-rule-items');

      await page.getByRole('tab', { name: '阶段与节点' }).click();
      await page.getByTestId('phase-row').first().waitFor();
      await page.getByRole('button', { name: '编辑第1阶段' }).click();
      await page.getByLabel('阶段名称').fill('动员部署（调整）');
      await page.getByRole('button', { name: '保存' }).click();
      await toast(page, '阶段已保存');
      await poll(() => page.locator('[data-testid="phase-row"][data-seq="1"]').textContent()).toContain(
        '动员部署（调整）',
      );
      await shot(page, 'structure-phases');
      // Phases reorder by drag too, with the reason typed above.
      const phaseName = async (seq: number) =>
        page.locator(`[data-testid="phase-row"][data-seq="${seq}"]`).textContent();
      const secondPhase = (await phaseName(2)) ?? '';
      await page
        .locator('[data-testid="phase-row"][data-seq="2"] [data-testid="drag-handle"]')
        .dragTo(page.locator('[data-testid="phase-row"][data-seq="1"]'));
      await toast(page, '第2阶段已移至第1阶段');
      await poll(() => phaseName(1)).toBe(secondPhase.replace(/^\d+/, '1'));

      await page.getByTestId('structure-history-tab').click();
      const changes = page.getByTestId('structure-change');
      await poll(() => changes.count()).toBe(3);
      expect(await changes.nth(0).textContent()).toContain('移至第1阶段');
      expect(await changes.nth(1).textContent()).toContain('修改第1阶段：动员部署（调整）');
      expect(await changes.nth(2).textContent()).toContain('第2项移至第3项');
      expect(await changes.nth(2).textContent()).toContain('按区领导小组意见调整顺序');
    } finally {
      await context.close();
    }
  });

  it("marks a milestone date on a day off with what the campaign's policy makes of it", async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      const cases = [
        ['keep', '2020-10-04', '2020年10月4日（国庆节、中秋节假期）→ 按原日期截止（本活动不调整）'],
        ['next', '2020-01-04', '2020年1月4日（星期六休息日）→ 按顺延为 2020年1月6日'],
        ['previous', '2020-05-04', '2020年5月4日（劳动节假期）→ 按提前为 2020年4月30日'],
      ] as const;
      for (const [policy, date, text] of cases) {
        await h.admin.call('PUT', `/api/campaigns/${coming.id}/deadline-policy`, { policy });
        await open(page, coming.id);
        await page.getByRole('tab', { name: '阶段与节点' }).click();
        await page.getByRole('button', { name: '新增节点' }).click();
        const dialog = page.getByRole('dialog');
        await fillDate(dialog, '截止日期', '2020-03-31');
        // A working day: nothing to say.
        await page.waitForTimeout(300);
        expect(await dialog.getByTestId('deadline-hint').count()).toBe(0);
        await fillDate(dialog, '截止日期', date);
        await poll(() => dialog.getByTestId('deadline-hint').textContent()).toBe(text);
        if (policy === 'next') await shot(page, 'structure-milestone-day-off', false);
        await dialog.getByRole('button', { name: '取消' }).click();
      }
    } finally {
      await context.close();
    }
  });
});
