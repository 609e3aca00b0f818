// A street completes a month's report in the browser: the reporter drafts (and survives a
// conflicting edit without losing a word), the unit head submits, the office accepts and
// downloads the 月报表 as .xlsx, which is then opened and checked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chinaToday } from '@paicha/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, toast } from './antd.js';
import { ApiSession, type Harness, loginViaUi, startHarness } from './harness.js';

const STREET = '中云街道';
const REPORTER = { username: 'zy-yuebao', displayName: '张填报', password: 'reporter-pass-123' };
const HEAD = { username: 'zy-head', displayName: '李主任', password: 'head-pass-12345' };

interface Campaign {
  id: number;
  milestones: { kind: string; period: string | null; dueDate: string }[];
}

describe('monthly report: draft → submit → accept → download', () => {
  let h: Harness;
  let campaignId: number;
  let period: string;
  let unitId: number;
  let seqs: number[];

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    await h.createUser({ ...HEAD, unit: STREET, role: 'unit_head' });
    // A campaign running now (the plan's dates shifted), so this month's report is not yet due.
    const today = chinaToday();
    const start = new Date(Date.parse(`${today}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
    const c = await h.admin.call<Campaign>('POST', '/api/campaigns', {
      title: '问题大排查（演练）',
      startDate: start,
    });
    campaignId = c.id;
    const monthly = c.milestones.filter((m) => m.kind === 'monthly');
    period = (monthly.find((m) => m.dueDate >= today) ?? monthly[0])?.period as string;
    const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
    unitId = units.find((u) => u.name === STREET)?.id as number;
    const items = await h.admin.call<{ seq: number }[]>(
      'GET',
      `/api/campaigns/${campaignId}/units/${unitId}/check-items`,
    );
    seqs = items.map((i) => i.seq);
  });

  afterAll(async () => {
    await h?.stop();
  });

  const openReport = async (page: Page) => {
    await page.getByTestId('menu-reports').click();
    await page.waitForURL('**/reports');
    await page.locator(`[data-testid="grid-cell"][data-unit="${STREET}"][data-period="${period}"]`).click();
    await page.waitForURL(`**/reports/${period}/${unitId}`);
    await page.getByTestId('report-row').first().waitFor();
  };
  const status = (page: Page) => page.getByTestId('status-tag').first().getAttribute('data-status');

  it('the reporter fills in every row and saves; a conflicting edit loses nothing typed', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, REPORTER.username, REPORTER.password);
      await openReport(page);
      await expect.poll(() => page.getByTestId('report-row').count()).toBe(seqs.length);
      await expect(page.getByTestId('ledger-counts').count()).resolves.toBe(seqs.length);
      await page.getByTestId('meta-fillerName').fill('张填报');
      await page.getByTestId('meta-phone').fill('0518-85882331');
      for (const seq of seqs)
        await page.getByTestId(`cell-${seq}-situation`).fill(`第${seq}项：已全面排查，未发现新问题。`);
      await page.getByTestId('cell-1-measures').fill('建立街道排查工作台账，每周调度。');
      await page.getByTestId('cell-1-progress').fill('已完成');
      await page.getByTestId('save-report').click();
      await toast(page, '草稿已保存');
      await expect.poll(() => status(page)).toBe('draft');

      // Meanwhile the unit head changes the same draft through the API.
      const head = await ApiSession.login(h.baseUrl, HEAD.username, HEAD.password);
      const url = `/api/campaigns/${campaignId}/monthly-reports/${period}/units/${unitId}`;
      const current = await head.call<{ version: number }>('GET', url);
      await head.call('PUT', url, {
        version: current.version,
        rows: [{ seq: 2, situation: '负责人补充：已走访全部村居。' }],
      });

      await page.getByTestId('cell-4-measures').fill('宣传册补发到户，逐户签收。');
      await page.getByTestId('save-report').click();
      await page.getByTestId('version-conflict').waitFor();
      await expect(page.getByTestId('cell-4-measures').inputValue()).resolves.toBe(
        '宣传册补发到户，逐户签收。',
      );
      await expect(page.getByTestId('version-conflict').textContent()).resolves.toContain('第2项');
      await shot(page, 'monthly-report-conflict');
      await page.getByTestId('overwrite').click();
      await page.getByTestId('version-conflict').waitFor({ state: 'detached' });
      await expect(page.getByTestId('cell-4-measures').inputValue()).resolves.toBe(
        '宣传册补发到户，逐户签收。',
      );
      // The reporter cannot submit; that is the unit head's step.
      await expect(page.getByTestId('submit-report').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('the unit head approves and submits', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, HEAD.username, HEAD.password);
      await openReport(page);
      await expect(page.getByTestId('cell-4-measures').inputValue()).resolves.toBe(
        '宣传册补发到户，逐户签收。',
      );
      await page.getByTestId('submit-report').click();
      const dialog = page.locator('.ant-modal', { hasText: '审核并报送月报' });
      // Every row filled and nothing in the ledger to contradict: no warning, nothing to explain.
      await expect(dialog.getByTestId('submit-warnings').count()).resolves.toBe(0);
      await expect(dialog.getByTestId('late-notice').count()).resolves.toBe(0);
      await dialog.getByTestId('submit-ok').click();
      await toast(page, '月报已报送');
      await expect.poll(() => status(page)).toBe('submitted');
      await expect(page.getByTestId('report-meta').textContent()).resolves.toContain('李主任');
      await shot(page, 'monthly-report-submitted');
    } finally {
      await context.close();
    }
  });

  it('the office sees it in the grid, accepts it and downloads the .xlsx', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', 'e2e-admin-pass-123');
      await page.getByTestId('menu-reports').click();
      const cell = page.locator(`[data-testid="grid-cell"][data-unit="${STREET}"][data-period="${period}"]`);
      await expect(cell.getByTestId('status-tag').getAttribute('data-status')).resolves.toBe('submitted');
      const today = chinaToday();
      const due = (await h.admin.call<Campaign>('GET', `/api/campaigns/${campaignId}`)).milestones.find(
        (m) => m.period === period,
      )?.dueDate as string;
      await expect(cell.getByTestId('timeliness-tag').getAttribute('data-timeliness')).resolves.toBe(
        today <= due ? 'on_time' : 'late',
      );
      await shot(page, 'monthly-report-grid');
      await cell.click();
      await page.getByTestId('accept-report').click();
      await toast(page, '已审核通过');
      await expect.poll(() => status(page)).toBe('accepted');
      await expect(page.getByTestId('unlock-report').count()).resolves.toBe(1);
      await expect(
        page
          .locator('[data-testid="history-entry"]')
          .evaluateAll((e) => e.map((x) => x.getAttribute('data-action'))),
      ).resolves.toEqual(['create', 'save', 'save', 'submit', 'accept']);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-xlsx').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^开发区脱贫攻坚工作问题大排查任务分解月报表（中云街道 \d{4}年\d{1,2}月）\.xlsx$/,
      );
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'paicha-dl-')), 'report.xlsx');
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expect(ws.getCell('A1').value).toBe('开发区脱贫攻坚工作问题大排查任务分解月报表');
      expect(ws.getCell('A2').value).toBe('填报单位：中云街道');
      expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(3, c).value)).toEqual([
        '序号',
        '排查项目',
        '排查内容',
        '排查情况',
        '整改措施',
        '整改进度',
        '责任单位',
      ]);
      const rows = seqs.map((_, i) => 4 + i);
      expect(rows.map((r) => ws.getCell(r, 1).value)).toEqual(seqs);
      expect(ws.getCell('D4').value).toBe('第1项：已全面排查，未发现新问题。');
      expect(ws.getCell('E4').value).toBe('建立街道排查工作台账，每周调度。');
      expect(ws.getCell('D5').value).toBe('负责人补充：已走访全部村居。');
      const after = 4 + seqs.length;
      expect(String(ws.getCell(`A${after}`).value)).toMatch(
        /^填报人：张填报\s+审核人：李主任\s+联系电话：0518-85882331$/,
      );
      expect(ws.getCell(`A${after + 1}`).value).toBe('注：此表于每月4日前上报区领导小组办公室。');
      await shot(page, 'monthly-report-accepted');
    } finally {
      await context.close();
    }
  });
});
