// Driving antd widgets the way a clerk does (type, pick, press Enter), found by their labels.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './harness.js';

/** Types into a searchable Select and picks the first option matching `search`. */
export async function pickOption(scope: Page | Locator, label: string, search: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await input.press('Enter');
}

/** Types a date (YYYY-MM-DD) into a DatePicker and confirms it. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Waits for antd's success toast with the given text (the step has been saved). */
export async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

/** A screenshot under e2e/screenshots/ (the viewport only for dialogs, whose mask is fixed). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  // Let tab ink bars, dropdowns and modals finish their transitions.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}
