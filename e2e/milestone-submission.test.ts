// A street's 节点报送 in the browser: the reporter writes the 问题排查结果, attaches the ledger's
// 问题清单 and saves; the unit head cannot submit without the sealed scan (the server says what is
// missing), uploads it and submits; the office returns it with a reason, the head resubmits, and
// the office accepts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, toast } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const STREET = '中云街道';
const REPORTER = { username: 'zy-jiedian', displayName: '王填报', password: 'reporter-pass-123' };
const HEAD = { username: 'zy-head2', displayName: '赵主任', password: 'head-pass-12345' };
// The smallest PDF the server's content check accepts as a scan.
const SCAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

describe('milestone submission: draft → scan → submit → return → resubmit → accept', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    await h.createUser({ ...HEAD, unit: STREET, role: 'unit_head' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** Opens the street's 问题排查结果和问题清单 submission from the 节点报送 grid. */
  const openSubmission = async (page: Page) => {
    await page.getByTestId('menu-submissions').click();
    await page.waitForURL('**/submissions');
    await page
      .locator(`[data-testid=submission-cell][data-unit="${STREET}"][data-kind=problem_list]`)
      .click();
    await page.waitForURL(/\/submissions\/\d+\/\d+$/);
    await page.getByTestId('submission-title').waitFor();
  };
  const confirmSubmit = (page: Page) =>
    page.locator('.ant-modal-confirm').getByRole('button', { name: '报送' }).click();
  const status = (page: Page) => page.getByTestId('status-tag').first().getAttribute('data-status');
  const files = (page: Page) =>
    page.getByTestId('submission-file').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

  it('the reporter writes the results, attaches the ledger list and saves; only the head may submit', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, REPORTER.username, REPORTER.password);
      await openSubmission(page);
      await page
        .getByTestId('submission-content')
        .fill('已按排查事项逐项排查，共发现问题0个，已建立问题清单。');
      await page.getByTestId('attach-problem-list').click();
      await toast(page, '已从问题台账生成问题清单并附上');
      await expect.poll(() => files(page)).toEqual(['problem_list']);
      await page.getByTestId('save-submission').click();
      await toast(page, '草稿已保存');
      expect(await status(page)).toBe('draft');
      await expect(page.getByTestId('submit-submission').count()).resolves.toBe(0);
      await shot(page, 'submission-draft');
    } finally {
      await context.close();
    }
  });

  it('the head is told the sealed scan is missing, uploads it and submits', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, HEAD.username, HEAD.password);
      await openSubmission(page);
      await page.getByTestId('submit-submission').click();
      await confirmSubmit(page);
      await expect.poll(() => page.getByTestId('action-error').textContent()).toContain('加盖公章的扫描件');
      expect(await status(page)).toBe('draft');
      await page
        .locator('.ant-upload', { has: page.getByTestId('upload-scan') })
        .locator('input[type=file]')
        .setInputFiles({ name: '排查结果（盖章）.pdf', mimeType: 'application/pdf', buffer: SCAN_PDF });
      await expect.poll(() => files(page)).toEqual(['problem_list', 'scan']);
      await page.getByTestId('submit-submission').click();
      await confirmSubmit(page);
      await toast(page, '已报送');
      await expect.poll(() => status(page)).toBe('submitted');
      await expect(page.getByTestId('submission-content').count()).resolves.toBe(0);
      await shot(page, 'submission-submitted');
    } finally {
      await context.close();
    }
  });

  it('the office returns it with a reason; the head resubmits; the office accepts', async () => {
    const office = await h.newPage();
    const head = await h.newPage();
    try {
      await loginViaUi(office.page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await openSubmission(office.page);
      await office.page.getByTestId('return-submission').click();
      await office.page.getByTestId('reason-input').fill('问题清单与排查情况说明不一致，请核实后重报');
      await office.page.getByTestId('reason-ok').click();
      await toast(office.page, '已退回');
      await expect.poll(() => status(office.page)).toBe('returned');

      await loginViaUi(head.page, h.baseUrl, HEAD.username, HEAD.password);
      await openSubmission(head.page);
      await expect(
        head.page.getByText('领导小组办公室退回：问题清单与排查情况说明不一致').count(),
      ).resolves.toBe(1);
      await head.page.getByTestId('submission-content').fill('已核实：共发现问题0个，问题清单已更新。');
      await head.page.getByTestId('submit-submission').click();
      await confirmSubmit(head.page);
      await toast(head.page, '已报送');

      await office.page.reload();
      await expect.poll(() => status(office.page)).toBe('submitted');
      await office.page.getByTestId('accept-submission').click();
      await toast(office.page, '已审核通过');
      await expect.poll(() => status(office.page)).toBe('accepted');
      await expect(office.page.getByTestId('accept-submission').count()).resolves.toBe(0);
      await shot(office.page, 'submission-accepted');
    } finally {
      await office.context.close();
      await head.context.close();
    }
  });
});
