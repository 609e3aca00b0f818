// Supervision in the browser: the office reads the dashboard (figures as the API has them),
// drills from a chart into the problem list behind it, opens the unit scorecard, generates a
// 通报 draft, edits its requirements, issues it and downloads the .docx, which is checked.
import { readFileSync } from 'node:fs';
import { chinaToday } from '@paicha/core';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { pngImage } from './files.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const DAY = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface Dashboard {
  totals: {
    found: number;
    closed: number;
    overdue: number;
    open: number;
    pending: number;
    inProgress: number;
    returned: number;
    closureRate: number;
  };
  closureRateBelow: number;
  categories: { category: string; found: number; closed: number; overdue: number }[];
}
interface Scorecard {
  units: {
    unit: { name: string };
    figures: { found: number; closed: number; overdue: number };
    rank: number | null;
  }[];
  totals: { figures: { found: number; closed: number; overdue: number } };
}

/** A unit user's session for what the JSON client cannot do (multipart evidence uploads). */
async function unitCall(h: Harness, username: string, password: string) {
  const login = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, route: string, body: unknown) => {
    const res = await fetch(`${h.baseUrl}${route}`, {
      method,
      headers: { cookie, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

describe('supervision: dashboard, scorecard and 通报', () => {
  let h: Harness;
  let campaignId: number;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    // A campaign in its rectification phase today: the plan's dates moved 100 days back.
    const today = chinaToday();
    const c = await h.admin.call<{ id: number; startDate: string }>('POST', '/api/campaigns', {
      title: '问题大排查（督查演练）',
      startDate: shift(today, -100),
    });
    campaignId = c.id;
    const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
    const unit = (name: string) => units.find((u) => u.name === name)?.id as number;
    const found = shift(c.startDate, 20);
    const rows: [string, number, string, string | null][] = [
      ['中云街道', 13, '“两公告四公示”程序资料不全', shift(today, -10)],
      ['中云街道', 20, '已脱贫户人均纯收入核算不实', shift(today, -3)],
      ['中云街道', 22, '1名适龄儿童学籍信息与实际不一致', shift(today, 20)],
      ['猴嘴街道', 25, '2名低收入人口未参加基本医疗保险', shift(today, 15)],
      ['猴嘴街道', 32, '刘某某家C级危房尚未改造', shift(today, 30)],
      ['朝阳街道', 1, '街道扶贫项目进度安排不明确', shift(today, -20)],
      ['朝阳街道', 33, '2户未通自来水', shift(today, 25)],
      ['区住建局', 6, '危桥改造任务未完成', shift(today, 40)],
    ];
    const ids: number[] = [];
    for (const [name, checkItem, description, deadline] of rows) {
      const p = await h.admin.call<{ problem: { id: number } }>('POST', '/api/problems', {
        ...{ campaignId, unitId: unit(name), checkItem, source: '自查', description, foundDate: found },
        ...{ mode: '限期整改', deadline, responsibleLeader: '王主任', responsiblePerson: '李科员' },
      });
      ids.push(p.problem.id);
    }
    // 猴嘴 rectifies its first problem with evidence and the office closes it out; 中云's
    // first is submitted and returned.
    for (const [street, user, id, decision] of [
      ['猴嘴街道', 'hz-sup', ids[3], 'close'],
      ['中云街道', 'zy-sup', ids[0], 'return'],
    ] as const) {
      await h.createUser({
        username: user,
        displayName: user,
        unit: street,
        role: 'reporter',
        password: `${user}-pass-123`,
      });
      const call = await unitCall(h, user, `${user}-pass-123`);
      const form = new FormData();
      form.append('file', new Blob([pngImage()], { type: 'image/png' }), '整改照片.png');
      const file = (await call('POST', '/api/files', form)) as { id: number };
      await call('POST', `/api/problems/${id}/progress`, {
        version: 1,
        date: today,
        text: '已整改到位',
        attachmentIds: [file.id],
      });
      await call('POST', `/api/problems/${id}/submit`, { version: 2 });
      await h.admin.call('POST', `/api/problems/${id}/${decision}`, { version: 3, reason: '佐证材料不足' });
    }
    ({ context: ctx, page } = await h.newPage());
    await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
  });

  it('the dashboard shows the figures the API computes, and a bar opens the list behind it', async () => {
    const d = await h.admin.call<Dashboard>('GET', `/api/supervision/dashboard?campaignId=${campaignId}`);
    expect(d.totals).toMatchObject({ found: 8, closed: 1, overdue: 3 });
    await page.getByTestId('menu-supervision').click();
    await page.waitForURL('**/supervision');
    await page.locator('[data-testid="chart-category"] svg text').first().waitFor({ state: 'attached' });
    for (const k of ['found', 'closed', 'overdue', 'open'] as const)
      await expect(page.getByTestId(`kpi-${k}`).getAttribute('data-value')).resolves.toBe(
        String(d.totals[k]),
      );
    // 整改中 is only the problems in progress; 待整改 and 已退回 stand on their own.
    for (const [id, k] of [
      ['pending', 'pending'],
      ['in-progress', 'inProgress'],
      ['returned', 'returned'],
    ] as const)
      await expect(page.getByTestId(`kpi-${id}`).getAttribute('data-value')).resolves.toBe(
        String(d.totals[k]),
      );
    // One closed of eight is below the office's threshold: the rate is red, not green.
    expect(d.totals.closureRate * 100).toBeLessThan(d.closureRateBelow);
    await expect(page.getByTestId('kpi-closure-rate').getAttribute('data-color')).resolves.toBe('#c23531');
    // The category chart labels its bars with the API's counts.
    const expected = d.categories.flatMap((c) => [c.found, c.closed, c.overdue].filter(Boolean).map(String));
    const labels = page.locator('[data-testid="chart-category"] svg text');
    const missing = async () => {
      const texts = await labels.allTextContents();
      return expected.filter((v) => !texts.includes(v));
    };
    await expect.poll(missing, { timeout: 10_000 }).toEqual([]);
    await shot(page, 'supervision-dashboard');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'supervision-dashboard-1280', false);
    await page.setViewportSize({ width: 1440, height: 900 });

    // Click the 三保障 "发现问题" bar: the ledger opens filtered to that category.
    const index = d.categories.findIndex((c) => c.category === '三保障');
    const bars = page.locator('[data-testid="chart-category"] svg path[fill="#4e79a7"]');
    await expect.poll(() => bars.count(), { timeout: 10_000 }).toBe(d.categories.length + 1); // + the legend icon
    await bars.nth(index).click();
    await page.waitForURL((u) => u.pathname === '/problems' && u.searchParams.get('category') === '三保障');
    await page.getByTestId('problem-row').first().waitFor();
    await expect
      .poll(() => page.getByTestId('problem-row').count(), { timeout: 10_000 })
      .toBe(d.categories[index]?.found);
    await shot(page, 'supervision-drill-category');
  });

  it('the scorecard lists each unit with the API’s figures, the formula and the export', async () => {
    const sc = await h.admin.call<Scorecard>('GET', `/api/supervision/scorecard?campaignId=${campaignId}`);
    await page.getByTestId('menu-scorecard').click();
    await page.waitForURL('**/supervision/scorecard');
    await page.getByTestId('scorecard-row').first().waitFor();
    await expect(page.getByTestId('scorecard-row').count()).resolves.toBe(sc.units.length);
    const zy = sc.units.find((u) => u.unit.name === '中云街道');
    const row = page.locator('[data-testid="scorecard-row"][data-unit="中云街道"]');
    await expect(row.getAttribute('data-rank')).resolves.toBe(String(zy?.rank ?? ''));
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(7, 11)).toEqual([
      String(zy?.figures.found),
      String(zy?.figures.closed),
      expect.stringMatching(/%$/),
      String(zy?.figures.overdue),
    ]);
    await expect(page.getByTestId('formula').textContent()).resolves.toContain('综合得分 = 100 ×');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('scorecard-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^单位评分排名表_.+\.xlsx$/);
    await shot(page, 'supervision-scorecard');
  });

  it('the office generates a 通报 draft, edits the requirements, issues it and downloads the .docx', async () => {
    const sc = await h.admin.call<Scorecard>('GET', `/api/supervision/scorecard?campaignId=${campaignId}`);
    await page.getByTestId('generate-circular').click();
    await page.waitForURL(/\/supervision\/circulars\/\d+$/);
    await page.getByTestId('circular-preview').waitFor();
    await expect(page.getByTestId('circular-status').getAttribute('data-status')).resolves.toBe('draft');
    const total = `全区累计排查发现问题${sc.totals.figures.found}个`;
    await expect(page.getByTestId('circular-preview').textContent()).resolves.toContain(total);

    const requirement = '（一）限期整改。被通报单位要在10个工作日内召开专题会议，逐项制定整改方案。';
    await page
      .getByTestId('circular-requirements')
      .fill(`${requirement}\n（二）按时报送。每月4日前报送月报。`);
    await page.getByTestId('circular-save').click();
    // Wait on the saved state, not on the toast (it fades after 3 s on a busy machine).
    await expect
      .poll(() => page.getByTestId('circular-preview').textContent(), { timeout: 10_000 })
      .toContain(requirement);
    await shot(page, 'supervision-circular-draft');

    await page.getByTestId('circular-issue').click();
    await page.getByTestId('issue-ok').click();
    await expect
      .poll(() => page.getByTestId('circular-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('issued');
    await expect(page.getByTestId('circular-save').count()).resolves.toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('circular-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      // The 通报 is named after the campaign it reports on.
      /^关于全区问题大排查（督查演练）整改工作进展情况的通报_\d{4}-\d{2}-\d{2}\.docx$/,
    );
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(requirement);
    expect(xml).toContain(total);
    expect(xml).toContain(`已整改销号${sc.totals.figures.closed}个`);
    expect(xml).toContain(`其中逾期未整改${sc.totals.figures.overdue}个`);
    await shot(page, 'supervision-circular-issued');

    await page.getByTestId('menu-circulars').click();
    await page.waitForURL('**/supervision/circulars');
    await expect(
      page.locator('[data-testid="circular-row"]').first().getAttribute('data-status'),
    ).resolves.toBe('issued');
  });
});
