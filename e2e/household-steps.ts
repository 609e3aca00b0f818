// Steps of the 数据比对 browser test: uploading a household export through the mapping step,
// watching the import job, and reading the findings table.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Picks the source (国扶系统, 阳光扶贫, 住建 …) and uploads the file; waits for the mapping step. */
export async function uploadExport(page: Page, source: string, name: string, buffer: Buffer) {
  await page.getByTestId('import-source').getByText(source, { exact: true }).click();
  // The choice lives in the address (?source=): the file goes up once the page shows it chosen.
  await expect
    .poll(() => page.locator('[data-testid=import-source] .ant-radio-button-wrapper-checked').textContent())
    .toBe(source);
  await page
    .getByTestId('household-upload')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : XLSX, buffer });
  await page.getByTestId('mapping-step').waitFor();
}

/** Maps an unknown header by hand: types into its select and picks the first matching field. */
export async function mapHeader(page: Page, header: string, field: string) {
  const input = page.getByRole('combobox', { name: `对应字段：${header}`, exact: true });
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: field })
    .first();
  // On a loaded machine the list can close again while it is still opening (in a dialog, while the
  // dialog's own opening animation runs); the option is then never visible. Click and type again:
  // typing opens the list (Escape would close the dialog around it).
  for (let attempt = 1; ; attempt++) {
    // A column already matched shows its field over the search box: the click lands on it and opens the list.
    await input.click({ force: true });
    await input.fill(field);
    try {
      await option.click({ timeout: 8_000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      await input.fill('');
    }
  }
  // The list closes with an animation: until it is gone, the next select's click (forced) can land
  // on this list's options instead, and that select never opens.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
  await expect
    .poll(() => page.locator(`[data-testid=mapping-row][data-header="${header}"]`).textContent(), {
      timeout: 15_000,
    })
    .not.toContain('未识别');
}

/** Starts the import and waits for the job to end with `status`; returns the progress bar's value. */
export async function importAndWait(page: Page, status: 'committed' | 'rejected') {
  await page.getByTestId('start-import').click();
  const job = page.getByTestId('import-job');
  await job.waitFor();
  await page.locator(`[data-testid=import-job][data-status=${status}]`).waitFor({ timeout: 30_000 });
  return job.getByRole('progressbar').getAttribute('aria-valuenow');
}

/** Back to the upload step for the next file. */
export async function importAnother(page: Page) {
  await page.getByTestId('import-again').first().click();
  await page.getByTestId('household-upload').waitFor();
}

/** The findings rows on screen as [rule, 户编号] pairs. */
export async function findingRows(page: Page): Promise<string[][]> {
  await page.locator('[data-testid=findings] .ant-spin-spinning').waitFor({ state: 'detached' });
  return page
    .getByTestId('finding-row')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-rule') ?? '', r.getAttribute('data-household') ?? '']),
    );
}
