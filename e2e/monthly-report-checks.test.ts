// A monthly report checked against the ledger in the browser: a bad phone number is flagged, a row
// saying 未发现问题 while the ledger has problems is flagged beside the row and in the summary, the
// ledger shortcuts fill the table without overwriting a typed cell unasked, the late submission's
// dialog says how late it is, the head submits with an explanation, the office reads it, and the
// accepted report keeps the figures it was submitted with while the ledger moves on.
import { addDays, chinaToday, daysBetween, formatChineseDate } from '@paicha/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, toast } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const STREET = '中云街道';
const REPORTER = { username: 'zy-checks', displayName: '王填报', password: 'reporter-pass-456' };
const HEAD = { username: 'zy-checks-head', displayName: '赵主任', password: 'head-pass-67890' };
const SEQ = 13;
const EXPLANATION = '第13项3个问题为区督查组1月交办，街道正在逐户核实，核实后下月如实填报。';

interface Campaign {
  id: number;
  milestones: { kind: string; period: string | null; dueDate: string }[];
}

describe('monthly report checked against the ledger', () => {
  let h: Harness;
  let campaignId: number;
  let unitId: number;
  let period: string;
  let due: string;

  const problem = (description: string) => ({
    campaignId,
    unitId,
    checkItem: SEQ,
    source: '自查',
    description,
    foundDate: chinaToday(),
    mode: '立行立改',
    deadline: null,
    responsibleLeader: '张主任',
    responsiblePerson: '赵科员',
    cause: '前期摸排不细',
    measures: '逐户核实，当场整改',
  });

  beforeAll(async () => {
    h = await startHarness();
    await h.createUser({ ...REPORTER, unit: STREET, role: 'reporter' });
    await h.createUser({ ...HEAD, unit: STREET, role: 'unit_head' });
    // A campaign running for some weeks, so one month's report is already past its deadline.
    const c = await h.admin.call<Campaign>('POST', '/api/campaigns', {
      title: '问题大排查（校验演练）',
      startDate: addDays(chinaToday(), -75),
    });
    campaignId = c.id;
    const past = c.milestones.filter((m) => m.kind === 'monthly' && m.dueDate < chinaToday());
    const latest = past.at(-1);
    if (!latest?.period) throw new Error('no monthly report past its deadline');
    period = latest.period;
    due = latest.dueDate;
    const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
    unitId = units.find((u) => u.name === STREET)?.id as number;
    for (const d of ['1户危房改造未验收', '2名学生资助未落实', '低保户信息未及时更新'])
      await h.admin.call('POST', '/api/problems', problem(d));
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
  const row = (page: Page, seq: number) => page.locator(`[data-testid="report-row"][data-seq="${seq}"]`);
  const rulesBeside = (page: Page, seq: number) =>
    row(page, seq)
      .getByTestId('row-issue')
      .evaluateAll((e) => e.map((x) => x.getAttribute('data-rule')));
  const status = (page: Page) => page.getByTestId('status-tag').first().getAttribute('data-status');
  /** The viewport at 1440×900 and 1280×720: the top of the page, or centred on a row. */
  const bothSizes = async (page: Page, name: string, seq?: number) => {
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      if (seq === undefined) await page.evaluate('window.scrollTo(0, 0)');
      else await row(page, seq).evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await shot(page, `${name}-${width}`, false);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  it('flags the phone and a row contradicting the ledger beside it and in the summary; the shortcuts fill the rest', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, REPORTER.username, REPORTER.password);
      await openReport(page);
      await page.getByTestId('meta-fillerName').fill(REPORTER.displayName);
      await page.getByTestId('meta-phone').fill('abc');
      await expect(page.getByTestId('phone-error').textContent()).resolves.toContain('联系电话格式不正确');
      await page.getByTestId('meta-phone').fill('0518-85882331');
      await page.getByTestId('phone-error').waitFor({ state: 'detached' });

      // A new report: the row whose ledger has problems is written from the ledger, the rest are
      // empty and counted as errors until 其余事项填未发现问题 fills them.
      await row(page, SEQ).getByTestId('prefill-ledger').waitFor();
      await expect(page.getByTestId(`cell-${SEQ}-situation`).inputValue()).resolves.toMatch(
        /^经排查，发现问题3个：1\.1户危房改造未验收；/,
      );
      const summary = page.getByTestId('validation-summary');
      await expect.poll(() => summary.getAttribute('data-errors')).not.toBe('0');
      await page.getByTestId('fill-no-problems').click();
      await toast(page, '经排查，未发现问题');
      await expect(page.getByTestId('cell-1-situation').inputValue()).resolves.toBe('经排查，未发现问题。');
      await expect.poll(() => summary.getAttribute('data-errors')).toBe('0');
      await expect(summary.getAttribute('data-warnings')).resolves.toBe('0');

      // Last month's habit: “未发现问题” typed over the ledger's text is flagged at once.
      await page.getByTestId(`cell-${SEQ}-situation`).fill('经排查，未发现问题');
      await expect.poll(() => rulesBeside(page, SEQ)).toEqual(['none_but_ledger']);
      await expect(row(page, SEQ).getByTestId('row-issue').first().textContent()).resolves.toContain(
        '台账中本单位此项有3个问题',
      );
      await expect(summary.getAttribute('data-warnings')).resolves.toBe('1');
      await expect(
        summary.getByTestId('summary-issue').evaluateAll((e) => e.map((x) => x.getAttribute('data-seq'))),
      ).resolves.toEqual([String(SEQ)]);
      await bothSizes(page, 'monthly-report-checks');
      await bothSizes(page, 'monthly-report-checks-row', SEQ);

      // 按台账生成 asks before replacing the typed 排查情况; the clerk keeps it.
      await page.getByTestId('fill-from-ledger').click();
      const ask = page.locator('.ant-modal-confirm', { hasText: '覆盖已填写的内容' });
      await ask.waitFor();
      await expect(ask.textContent()).resolves.toContain(`第${SEQ}项已填写的内容与台账不同`);
      await ask.getByRole('button', { name: '保留已填内容' }).click();
      await ask.waitFor({ state: 'detached' });
      await expect(page.getByTestId(`cell-${SEQ}-situation`).inputValue()).resolves.toBe(
        '经排查，未发现问题',
      );
      await expect(page.getByTestId(`cell-${SEQ}-measures`).inputValue()).resolves.toContain(
        '逐户核实，当场整改',
      );
      await expect(page.getByTestId(`cell-${SEQ}-progress`).inputValue()).resolves.toMatch(
        /^截至.*正在整改3个/,
      );
      await expect(rulesBeside(page, SEQ)).resolves.toEqual(['none_but_ledger']);
      await page.getByTestId('save-report').click();
      await toast(page, '草稿已保存');
      await expect.poll(() => status(page)).toBe('draft');
    } finally {
      await context.close();
    }
  });

  it('the head is told the submission is late and must explain the warning before submitting', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, HEAD.username, HEAD.password);
      await openReport(page);
      await expect(page.getByTestId('validation-summary').getAttribute('data-warnings')).resolves.toBe('1');
      await page.getByTestId('submit-report').click();
      const dialog = page.locator('.ant-modal', { hasText: '审核并报送月报' });
      await dialog.waitFor();
      await expect(dialog.getByTestId('late-notice').textContent()).resolves.toBe(
        `已超过报送截止日期（${formatChineseDate(due)}）${daysBetween(due, chinaToday())}天，现在报送将记为逾期报送。`,
      );
      await expect(dialog.getByTestId('submit-warnings').textContent()).resolves.toContain(`第${SEQ}项`);
      await dialog.getByTestId('submit-ok').click();
      await dialog.getByText('请说明与台账不一致的原因').waitFor();
      await dialog.getByTestId('submit-explanation').fill(EXPLANATION);
      await bothSizes(page, 'monthly-report-submit-dialog');
      await dialog.getByTestId('submit-ok').click();
      await toast(page, '月报已报送');
      await expect.poll(() => status(page)).toBe('submitted');
      await expect(page.getByTestId('report-explanation').textContent()).resolves.toBe(EXPLANATION);
      await page.getByTestId('snapshot-label').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the office reads the explanation, accepts, and the report keeps its figures while the ledger moves on', async () => {
    await h.admin.call('POST', '/api/problems', problem('1户饮水安全未保障'));
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await openReport(page);
      const counts = () => row(page, SEQ).getByTestId('ledger-counts').textContent();
      await expect(counts()).resolves.toContain('发现 3');
      await expect(page.getByTestId('report-explanation').textContent()).resolves.toBe(EXPLANATION);
      await expect(rulesBeside(page, SEQ)).resolves.toEqual(['none_but_ledger']);
      await page.getByTestId('accept-report').click();
      await toast(page, '已审核通过');
      await expect.poll(() => status(page)).toBe('accepted');
      await expect(page.getByTestId('snapshot-label').textContent()).resolves.toContain('截至提交时');
      await expect(counts()).resolves.toContain('发现 3');
      await expect(page.getByRole('columnheader', { name: '台账数（截至提交时）' }).count()).resolves.toBe(1);
      await bothSizes(page, 'monthly-report-accepted-snapshot');
      await bothSizes(page, 'monthly-report-accepted-snapshot-row', SEQ);
    } finally {
      await context.close();
    }
  });
});
