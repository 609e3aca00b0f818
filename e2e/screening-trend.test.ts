// The data-quality trend in the browser: two screenings a week apart (run by `paicha screen`, as
// the office's scheduled run does) give the 数据比对 page's chart two points per line; the office
// switches from one line per rule to one per street; a street sees its own street only.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../packages/server/bin/paicha.mjs');
const ZY = { username: 'zy-trend', displayName: '中云填报员', password: 'reporter-pass-123' };

const HEAD = '户编号,姓名,证件号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,人均纯收入,乡镇';
const row = (hh: string, name: string, id: string, street: string) =>
  `${hh},${name},${id},户主,1,一般贫困户,已脱贫,30000,${street}`;
// 中云街道: four households, H2's ID has a wrong check digit; 猴嘴街道: two, H6 with two 户主.
const FIRST = [
  HEAD,
  row('H1', '张一', '320703199001011231', '中云街道'),
  row('H2', '张二', '320703198505052017', '中云街道'),
  row('H3', '张三', '320703197003031018', '中云街道'),
  row('H4', '张四', '320703196004042013', '中云街道'),
  row('H5', '李一', '320703195005053019', '猴嘴街道'),
  row('H6', '李二', '320703195506064015', '猴嘴街道'),
  row('H6', '李三', '320703198007075012', '猴嘴街道'),
];
// A week later: H2's ID corrected, 猴嘴街道 one household more.
const SECOND = [
  ...FIRST.slice(0, 2),
  row('H2', '张二', '320703198505052016', '中云街道'),
  ...FIRST.slice(3),
  row('H7', '李四', '320703199008086017', '猴嘴街道'),
];

describe('the data-quality trend chart', () => {
  let h: Harness;
  let dir: string;
  let ctx: BrowserContext;
  let page: Page;

  /** Imports the roll and screens it on `day`, with the server's own command. */
  const screenOn = async (day: string, lines: string[]) => {
    const file = path.join(dir, `${day}.csv`);
    await writeFile(file, lines.join('\n'));
    const env = {
      ...process.env,
      PAICHA_DATA_DIR: h.dataDir,
      PAICHA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
      PAICHA_FIXED_TIME: `${day}T02:00:00Z`,
    };
    await run('node', [BIN, 'import', 'national', file, '--json'], { env });
    await run('node', [BIN, 'screen', '--json'], { env, maxBuffer: 16 << 20 });
  };

  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(path.join(tmpdir(), 'paicha-trend-'));
    await h.createUser({ ...ZY, unit: '中云街道', role: 'reporter' });
    await screenOn('2019-12-20', FIRST);
    await screenOn('2019-12-27', SECOND);
    ({ context: ctx, page } = await h.newPage());
  });

  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const chart = () => page.getByTestId('trend-chart');
  // The lines draw themselves in from the left: a screenshot waits for the whole line.
  const settled = () => page.waitForTimeout(1500);
  const chartText = async () => (await chart().textContent()) ?? '';

  it('shows the office one line per rule over both runs, and one per street on request', async () => {
    await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/households`);
    await chart().locator('svg').waitFor();
    await expect.poll(chartText, { timeout: 15_000 }).toContain('2019年12月27日');
    const byRule = await chartText();
    expect(byRule).toContain('2019年12月20日');
    expect(byRule).toContain('每百户问题线索');
    expect(byRule).toContain('证件号码无效');
    expect(byRule).toContain('户主人数不为一人');
    expect(byRule).not.toContain('中云街道');
    await settled();
    await shot(page, 'trend-office-1440', false);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'trend-office-1280', false);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByTestId('trend-by').getByText('按街道').click();
    await expect.poll(chartText, { timeout: 15_000 }).toContain('猴嘴街道');
    expect(await chartText()).toContain('中云街道');
    await settled();
    await shot(page, 'trend-office-by-street', false);
  });

  it('shows the trend, small, on the supervision dashboard', async () => {
    await page.goto(`${h.baseUrl}/supervision`);
    const small = page.getByTestId('dashboard').getByTestId('trend-chart');
    await small.locator('svg').waitFor();
    await expect
      .poll(async () => (await small.textContent()) ?? '', { timeout: 15_000 })
      .toContain('2019年12月27日');
    await small.scrollIntoViewIfNeeded();
    await settled();
    await shot(page, 'trend-dashboard', false);
  });

  it('shows a street its own street only, per rule', async () => {
    await ctx.clearCookies();
    await loginViaUi(page, h.baseUrl, ZY.username, ZY.password);
    await page.goto(`${h.baseUrl}/households`);
    await chart().locator('svg').waitFor();
    await expect.poll(chartText, { timeout: 15_000 }).toContain('2019年12月27日');
    await expect(page.getByTestId('trend-by').count()).resolves.toBe(0);
    // 中云's only finding (H2's ID) is gone by the second run: one line, 25 → 0 per 100 households.
    expect(await chartText()).toContain('证件号码无效');
    expect(await chartText()).not.toContain('户主人数不为一人');
    await settled();
    await shot(page, 'trend-street', false);
  });
});
