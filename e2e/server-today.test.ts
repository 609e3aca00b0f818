// Rehearsal on a pinned clock (PAICHA_FIXED_TIME): the PC says 2026, the server says 2020年1月4日.
// Every date a form fills in by default is the server's today, so a clerk's 整改进展 saves
// instead of failing with 进展日期不能晚于今天, and the new-problem form proposes the same day.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, toast } from './antd.js';
import { type Harness, loginViaUi, startHarness } from './harness.js';

const ZY = { username: 'zy-rehearsal', displayName: '中云演练填报员', password: 'reporter-pass-123' };
const SERVER_NOW = '2020-01-04T02:00:00Z';

describe('form dates on a rehearsal clock', () => {
  let h: Harness;
  let problemId: number;

  beforeAll(async () => {
    h = await startHarness({ clock: SERVER_NOW });
    await h.createUser({ ...ZY, unit: '中云街道', role: 'reporter' });
    const [campaign] = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
    const items = await h.admin.call<{ seq: number; units: { id: number; name: string }[] }[]>(
      'GET',
      `/api/campaigns/${campaign?.id}/check-items`,
    );
    const item = items.find((i) => i.units.some((u) => u.name === '中云街道'));
    const unitId = item?.units.find((u) => u.name === '中云街道')?.id;
    const created = await h.admin.call<{ problem: { id: number } }>('POST', '/api/problems', {
      campaignId: campaign?.id,
      unitId,
      checkItem: item?.seq,
      source: '自查',
      description: '演练：1户脱贫户家庭成员信息与国扶系统不一致',
      foundDate: '2020-01-02',
      mode: '限期整改',
      deadline: '2020-03-31',
      responsibleLeader: '张主任',
      responsiblePerson: '赵科员',
      cause: '信息录入不及时',
      measures: '逐户核实并更正',
    });
    problemId = created.problem.id;
  });

  afterAll(async () => {
    await h?.stop();
  });

  const dateValue = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

  it('proposes the server’s today, not the PC’s, and the progress saves', async () => {
    expect(new Date().getFullYear()).toBeGreaterThan(2020);
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, ZY.username, ZY.password);
      await page.goto(`${h.baseUrl}/problems/new`);
      await expect.poll(() => dateValue(page, '发现日期'), { timeout: 15_000 }).toBe('2020年1月4日');
      await page.goto(`${h.baseUrl}/problems/${problemId}`);
      await page.getByTestId('step-progress').click();
      const dialog = page.getByRole('dialog', { name: '记录整改进展' });
      await expect.poll(() => dateValue(page, '进展日期')).toBe('2020年1月4日');
      await dialog.getByLabel('整改进展', { exact: true }).fill('已入户核实，正在更正系统信息');
      await shot(page, 'rehearsal-progress-date', false);
      await dialog.getByTestId('progress-ok').click();
      await toast(page, '已记录整改进展');
      const detail = await h.admin.call<{ events: { kind: string; date: string }[] }>(
        'GET',
        `/api/problems/${problemId}`,
      );
      expect(detail.events.find((e) => e.kind === 'progress')?.date).toBe('2020-01-04');
    } finally {
      await context.close();
    }
  });
});
