// Steps of the problem ledger shared by its browser tests: reading a problem page, logging
// progress with evidence, submitting, and seeding rows through the API.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { shot, toast } from './antd.js';
import type { Harness } from './harness.js';

/** The status shown in the problem page's header (data-status of its first status tag). */
export async function status(page: Page): Promise<string | null> {
  return page.getByTestId('problem-detail').getByTestId('problem-status').first().getAttribute('data-status');
}

export async function historyKinds(page: Page): Promise<string[]> {
  return page
    .getByTestId('history-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
}

export async function logProgress(
  page: Page,
  text: string,
  file?: { name: string; buffer: Buffer },
  shotName?: string,
) {
  await page.getByTestId('step-progress').click();
  const dialog = page.getByRole('dialog', { name: '记录整改进展' });
  await dialog.getByLabel('整改进展', { exact: true }).fill(text);
  if (file) {
    await dialog.locator('input[type=file]').setInputFiles({ ...file, mimeType: 'image/png' });
    await dialog.locator('[data-testid=evidence-file][data-status=done]').waitFor();
  }
  if (shotName) await shot(page, shotName, false);
  await dialog.getByTestId('progress-ok').click();
  await toast(page, '已记录整改进展');
}

export async function submitForClosure(page: Page) {
  await page.getByTestId('step-submit').click();
  await page.getByTestId('submit-ok').click();
  await toast(page, '提交成功');
  await expect.poll(() => status(page)).toBe('awaiting_review');
}

/** More rows for the list screenshots: other units, long texts, both modes. */
export async function seedMoreProblems(h: Harness) {
  const [campaign] = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
  const units = await h.admin.call<{ id: number; name: string; kind: string }[]>('GET', '/api/units');
  const pick = (name: string) => units.find((u) => u.name === name)?.id;
  const rows = [
    [
      '朝阳街道',
      32,
      '朝阳村刘某某家房屋经鉴定为C级危房，尚未实施改造，雨季存在安全隐患，需尽快落实危房改造资金',
      '限期整改',
      '2020-04-30',
    ],
    ['宋跳街道', 25, '3名建档立卡低收入人口未参加城乡居民基本医疗保险', '立行立改', null],
    ['区住建局', 32, '危房改造项目资金拨付滞后，已竣工项目尚未验收', '限期整改', '2020-05-31'],
    ['区财政局', 5, '区级财政专项扶贫资金绩效目标未细化到项目', '限期整改', '2020-03-31'],
    ['朝阳街道', 22, '1名适龄儿童因随父母外出务工，学籍信息与实际就读情况不一致', '立行立改', null],
  ] as const;
  for (const [unit, checkItem, description, mode, deadline] of rows) {
    await h.admin.call('POST', '/api/problems', {
      campaignId: campaign?.id,
      unitId: pick(unit),
      checkItem,
      source: '自查',
      description,
      foundDate: '2020-01-10',
      mode,
      deadline,
      responsibleLeader: '张主任',
      responsiblePerson: '赵科员',
      cause: '前期摸排不细，部门间数据未及时比对',
      measures: '逐户核实，建立台账，明确专人跟踪到位',
    });
  }
}
