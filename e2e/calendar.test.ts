// 节假日 in the browser, on a rehearsal clock in January 2020: the office reads 2020 as the State
// Council set it, declares a day off, imports next year's list from a .csv (a bad file is refused
// with its rows), chooses 顺延至下一工作日 for the campaign, and the 月报 page marks the report
// due Saturday 4 January and shows the Monday that counts.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

describe('节假日 and deadlines on non-working days', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    h = await startHarness({ clock: '2020-01-02T02:00:00Z' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'paicha-calendar-'));
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the office edits and imports the calendar, sets the policy, and the reports page marks the deadline', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.getByTestId('menu-admin-calendar').click();
      await page.waitForURL(/\/admin\/calendar$/);
      const summary = page.getByTestId('calendar-summary');
      await expect.poll(() => summary.textContent()).toContain('2020年共 249 个工作日');
      const day = (date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);
      expect(await day('2020-01-19').getAttribute('data-kind')).toBe('workday');
      expect(await day('2020-02-01').getAttribute('data-working')).toBe('0');
      expect(await day('2020-01-04').getAttribute('data-working')).toBe('0');
      await shot(page, 'calendar-2020');

      // A day off the State Council did not give: 2 March.
      await day('2020-03-02').click();
      const form = page.getByTestId('calendar-day-form');
      await form.getByText('放假', { exact: true }).click();
      await page.getByTestId('calendar-day-name').fill('防疫停工');
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await expect.poll(() => day('2020-03-02').getAttribute('data-kind')).toBe('holiday');
      await expect.poll(() => summary.textContent()).toContain('2020年共 248 个工作日');

      // Next year's list from a .csv: a file with a bad row is refused whole.
      const bad = path.join(dir, '2021-bad.csv');
      await writeFile(bad, '\uFEFF日期,类型,名称\r\n2021-01-01,放假,元旦\r\n2021-02-30,放假,春节\r\n');
      await page.locator('input[type=file]').setInputFiles(bad);
      await page.getByTestId('calendar-import-rejected').waitFor();
      expect(await page.getByRole('cell', { name: '2021-02-30' }).count()).toBe(1);
      const good = path.join(dir, '2027.csv');
      await writeFile(good, '\uFEFF日期,类型,名称\r\n2027-01-03,放假,元旦\r\n2027-01-29,调休上班,春节\r\n');
      await page.locator('input[type=file]').setInputFiles(good);
      await page.getByTestId('calendar-import-ok').waitFor();
      // 2027 is the first year the shipped list does not cover.
      for (let year = 2021; year <= 2027; year++) await page.getByTestId('calendar-next').click();
      await page.getByTestId('calendar-not-shipped').waitFor();
      await expect.poll(() => day('2027-01-29').getAttribute('data-kind')).toBe('workday');

      await page.getByTestId('deadline-policy').getByText('顺延至下一工作日').click();
      await expect
        .poll(() =>
          h.admin
            .call<{ id: number }[]>('GET', '/api/campaigns')
            .then(
              async ([c]) =>
                (await h.admin.call<{ policy: string }>('GET', `/api/campaigns/${c?.id}/deadline-policy`))
                  .policy,
            ),
        )
        .toBe('next');
      await shot(page, 'calendar-policy');

      await page.getByTestId('menu-reports').click();
      const jan = page.locator('[data-testid="deadline-text"][data-effective="2020-01-06"]').first();
      await jan.waitFor();
      expect(await jan.textContent()).toBe('截止 2020年1月4日（星期六）→ 顺延至1月6日');
      expect(await jan.getAttribute('data-nonworking')).toBe('星期六');
      const may = page.locator('[data-testid="deadline-text"][data-effective="2020-05-06"]').first();
      expect(await may.textContent()).toBe('截止 2020年5月4日（劳动节，星期一）→ 顺延至5月6日');
      await shot(page, 'reports-deadline-marked');

      // A problem due on a Saturday: marked on the ledger, not moved.
      const [campaign] = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
      const items = await h.admin.call<{ seq: number; units: { id: number; name: string }[] }[]>(
        'GET',
        `/api/campaigns/${campaign?.id}/check-items`,
      );
      const item = items.find((i) => i.units.some((u) => u.name === '中云街道'));
      await h.admin.call('POST', '/api/problems', {
        campaignId: campaign?.id,
        unitId: item?.units.find((u) => u.name === '中云街道')?.id,
        checkItem: item?.seq,
        source: '自查',
        description: '节假日演练：整改时限落在周六的问题',
        foundDate: '2020-01-02',
        mode: '限期整改',
        deadline: '2020-01-11',
        responsibleLeader: '张主任',
        responsiblePerson: '赵科员',
        cause: '演练',
        measures: '演练',
      });
      await page.getByTestId('menu-problems').click();
      await page.waitForURL(/\/problems/);
      // 整改清单 is the list with the 整改时限 column.
      await page.getByRole('tab', { name: '整改清单' }).click();
      const marked = page.locator('[data-testid="deadline-text"][data-effective="2020-01-11"]').first();
      await marked.waitFor();
      expect(await marked.getAttribute('data-nonworking')).toBe('星期六');
      expect(await marked.textContent()).toBe('2020年1月11日（星期六）');
      await shot(page, 'ledger-deadline-marked');
    } finally {
      await context.close();
    }
  }, 120_000);
});
