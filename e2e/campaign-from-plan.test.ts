// 活动管理 → 从方案导入 in the browser: a new plan's 任务分解表 (.xlsx built here: caption rows,
// 排查项目 merged over its rows, 责任单位 as "各街道", "区各相关部门", named departments and one the
// district does not have) is uploaded, previewed, the unknown department to be created with the
// campaign, the campaign's information filled in (kept over a reload and between steps). The
// department, renamed by the office, is created by someone else meanwhile: creating is refused whole and goes through
// once it is gone; another unknown name is mapped to an existing department. The campaign's items
// appear in the editor and its 月报表 export lists exactly those rows.
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDocx, seedPlan } from '../packages/server/src/test/plan-files.js';
import { signIn } from '../packages/server/src/test/server-process.js';
import { fillDate, shot } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CAPTION = '开发区2027年巩固脱贫成果问题排查任务分解月报表';
const UNKNOWN = '区数据资源局';
/** The name the office gives the department created for UNKNOWN. */
const RENAMED = '区数据资源管理局';
/** Another name the district does not use: the office maps it to the department that does the work. */
const MAPPED = '区大数据中心';

/** [排查项目 (blank: merged with the one above), 排查内容, 责任单位]. */
const ROWS: [string, string, string][] = [
  ['政策落实', '防返贫监测对象是否及时纳入帮扶', '各街道'],
  ['', '帮扶政策资金是否按时足额拨付', '区财政局'],
  ['', '脱贫户住房、饮水是否存在反弹', '各街道\n区住建局'],
  ['资金管理', '衔接资金项目是否按期开工', '区各相关部门'],
  ['', '项目收益是否按规定分配', '区财政局、区人社局'],
  ['', '扶贫资产是否登记确权', '各街道'],
  ['住房安全', '农村危房是否动态清零', '区住建局'],
  ['', '住房安全鉴定数据是否共享比对', `区住建局\n${UNKNOWN}`],
  ['教育保障', '义务教育阶段是否有失学辍学', '区社会事业局'],
  ['', '资助政策是否应享尽享', '各街道'],
  ['饮水安全', '农村供水是否稳定达标', '各街道'],
  ['', '水源地保护是否落实', `资源分局、${MAPPED}`],
];
/** 排查内容 of item 2 as the office corrects it in the preview. */
const CORRECTED = '帮扶政策资金是否按时足额拨付到户';
const HEADER = ['序号', '排查项目', '排查内容', '排查情况', '整改措施', '整改进度', '责任单位'];

async function taskTableXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow([CAPTION]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(['填报单位：', '', '', '填报时间：']);
  ws.addRow(HEADER);
  ROWS.forEach(([sub, content, units], i) => {
    ws.addRow([i + 1, sub, content, '', '', '', units]);
  });
  // 排查项目 merged downwards over each project's rows, as the plan prints it.
  let start = 4;
  for (let r = 5; r <= ROWS.length + 4; r++) {
    if (r <= ROWS.length + 3 && !ROWS[r - 4]?.[0]) continue;
    if (r - 1 > start) ws.mergeCells(start, 2, r - 1, 2);
    start = r;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const next = (page: Page) => page.getByTestId('plan-next').click();

/** A select's list closes with an animation; the next select's click must not land on it. */
const closedLists = (page: Page) =>
  expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);

describe('a campaign from a new plan’s 任务分解表 in the browser', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let admin: Page;

  beforeAll(async () => {
    h = await startHarness();
    ({ context: ctx, page: admin } = await h.newPage());
    await loginViaUi(admin, h.baseUrl, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
    await h?.stop();
  });

  it('uploads, previews, resolves the unknown department, fills the information and creates the campaign', async () => {
    await admin.goto(`${h.baseUrl}/admin/campaigns`);
    await admin.getByTestId('campaign-from-plan').click();
    await admin.waitForURL('**/admin/campaigns/from-plan');
    await admin.getByTestId('plan-upload-step').waitFor();
    await shot(admin, 'from-plan-1-upload');

    await admin
      .getByTestId('plan-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '任务分解表.xlsx', mimeType: XLSX, buffer: await taskTableXlsx() });
    await admin.getByTestId('plan-preview-step').waitFor();
    await expect(admin.getByTestId('plan-item').count()).resolves.toBe(12);
    // 排查项目 shown merged like the plan: one cell spanning each project's rows.
    await expect(
      admin.locator('[data-testid=plan-items] td[rowspan="3"]').allTextContents(),
    ).resolves.toEqual(['政策落实', '资金管理']);
    await expect(
      admin.locator('[data-testid=plan-items] td[rowspan="2"]').allTextContents(),
    ).resolves.toEqual(['住房安全', '教育保障', '饮水安全']);
    const unknown = admin.locator(`[data-testid=phrase-unresolved][data-phrase="${UNKNOWN}"]`);
    await expect(unknown.count()).resolves.toBe(1);
    await expect(admin.getByTestId('phrase-unresolved').count()).resolves.toBe(2);
    await expect(admin.getByTestId('plan-unresolved').textContent()).resolves.toContain(UNKNOWN);
    // A resolved phrase names its units on hover.
    await admin.locator('[data-testid=phrase-resolved][data-phrase="各街道"]').first().hover();
    await expect
      .poll(() => admin.locator('.ant-tooltip:visible').textContent(), { timeout: 5_000 })
      .toContain('中云街道');
    await shot(admin, 'from-plan-2-preview');

    const decide = admin.getByRole('combobox', { name: `处理：${UNKNOWN}`, exact: true });
    await decide.click();
    await admin
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `新建部门“${UNKNOWN}”` })
      .click();
    await expect(admin.getByTestId('plan-unresolved').textContent()).resolves.toContain('尚有 1 个待决定');
    await closedLists(admin);
    // The department's name as the district calls it; an existing unit's name is refused with the
    // offer to map to it instead.
    const newName = admin.getByLabel(`新单位名称：${UNKNOWN}`, { exact: true });
    await expect(newName.inputValue()).resolves.toBe(UNKNOWN);
    await newName.fill('区财政局');
    await expect(admin.getByTestId('new-unit-problem').textContent()).resolves.toContain(
      '改为对应“区财政局”',
    );
    await newName.fill(RENAMED);
    await expect(admin.getByTestId('new-unit-problem').count()).resolves.toBe(0);
    // 类别 set on the first item; 排查内容 of the second corrected in place.
    await admin.locator('[data-testid=plan-item][data-seq="1"] .ant-select-selector').click();
    await admin
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '三保障' })
      .click();
    await closedLists(admin);
    const item2 = admin.locator('[data-testid=plan-item][data-seq="2"]');
    await item2.getByRole('button', { name: '修改排查内容' }).click();
    await item2.locator('textarea').fill(CORRECTED);
    await item2.locator('textarea').press('Enter');
    await expect(item2.textContent()).resolves.toContain(CORRECTED);
    await admin.getByRole('combobox', { name: `处理：${MAPPED}`, exact: true }).click();
    await admin
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '对应现有单位' })
      .click();
    await closedLists(admin);
    const pick = admin.getByRole('combobox', { name: `对应单位：${MAPPED}`, exact: true });
    await pick.click();
    await pick.fill('财政');
    await admin.locator('.ant-select-dropdown:visible').getByTitle('区财政局', { exact: true }).click();
    await pick.press('Escape');
    await expect(admin.getByTestId('plan-unresolved').textContent()).resolves.toContain('均已决定');

    // A reload resumes the wizard where it was, the decision kept.
    await admin.reload();
    await admin.getByTestId('plan-preview-step').waitFor();
    await expect(admin.getByTestId('plan-unresolved').textContent()).resolves.toContain('均已决定');
    await expect(admin.getByTestId('plan-items').textContent()).resolves.toContain(`新建部门“${UNKNOWN}”`);
    await expect(admin.getByLabel(`新单位名称：${UNKNOWN}`, { exact: true }).inputValue()).resolves.toBe(
      RENAMED,
    );
    await expect(admin.getByTestId('plan-items').textContent()).resolves.toContain(CORRECTED);
    await shot(admin, 'from-plan-2-resolved');

    await next(admin);
    const info = admin.getByTestId('plan-info-step');
    await info.waitFor();
    await expect(info.getByLabel('月报表标题').inputValue()).resolves.toBe(CAPTION);
    await info.getByLabel('活动名称').fill('2027年巩固脱贫成果问题排查');
    await info.getByLabel('文号').fill('连开扶组办〔2027〕1号');
    await fillDate(info, '开始日期', '2027-01-01');
    await fillDate(info, '结束日期', '2027-06-30');
    await info.getByLabel('每月报送日').fill('5');
    // 月报 from February to July (the June report falls due in July).
    await fillDate(info, '首期月报', '2027-02');
    await fillDate(info, '末期月报', '2027-07');
    await expect(info.getByTestId('plan-monthly-rule').textContent()).resolves.toBe(
      '每月5日前报送，2027年2月至2027年7月共 6 期。',
    );
    await info.getByRole('button', { name: '添加阶段' }).click();
    await info.getByLabel('阶段1名称').fill('自查自纠');
    await fillDate(info, '阶段1开始', '2027-01-01');
    await fillDate(info, '阶段1结束', '2027-03-31');
    await info.getByRole('button', { name: '添加阶段' }).click();
    await info.getByLabel('阶段2名称').fill('多余的阶段');
    await info.getByRole('button', { name: '删除阶段2' }).click();
    await expect(info.getByTestId('phase-row').count()).resolves.toBe(1);
    await info.getByRole('button', { name: '添加阶段' }).click();
    await info.getByLabel('阶段2名称').fill('整改落实');
    await fillDate(info, '阶段2开始', '2027-04-01');
    await fillDate(info, '阶段2结束', '2027-06-30');
    await info.getByRole('button', { name: '添加节点' }).click();
    await info.getByLabel('节点1名称').fill('整改结果报送');
    await fillDate(info, '节点1日期', '2027-06-20');
    // A Sunday: the row says so, and what a new campaign (its dates kept) makes of it.
    await expect
      .poll(() => info.getByTestId('milestone-row').first().getByTestId('deadline-hint').textContent(), {
        timeout: 15_000,
      })
      .toBe('2027年6月20日（星期日休息日）→ 按原日期截止（本活动不调整）');
    await shot(admin, 'from-plan-3-info');

    // Back to the preview and forward again: nothing typed is lost.
    await admin.getByTestId('plan-prev').click();
    await admin.getByTestId('plan-preview-step').waitFor();
    await next(admin);
    await expect(info.getByLabel('活动名称').inputValue()).resolves.toBe('2027年巩固脱贫成果问题排查');
    await expect(info.getByLabel('阶段2名称').inputValue()).resolves.toBe('整改落实');

    await next(admin);
    await admin.getByTestId('plan-create-step').waitFor();
    await expect(admin.getByTestId('plan-problems').count()).resolves.toBe(0);
    const summary = (await admin.getByTestId('plan-summary').textContent()) ?? '';
    expect(summary).toContain('2027年1月1日 至 2027年6月30日');
    expect(summary).toContain('每月5日前，2027年2月至2027年7月共 6 期');
    expect(summary).toContain(`${RENAMED}（部门）`);
    await shot(admin, 'from-plan-4-create');

    // Someone creates the department meanwhile: the creation is refused whole and nothing typed is
    // lost; once that unit is gone again, the same creation goes through.
    const taken = await h.admin.call<{ id: number }>('POST', '/api/units', {
      name: RENAMED,
      kind: 'department',
    });
    await admin.getByTestId('plan-create').click();
    const refused = admin.getByTestId('plan-create-error');
    await expect.poll(() => refused.textContent(), { timeout: 15_000 }).toContain(RENAMED);
    await expect(refused.getByRole('button', { name: '回到预览，改为对应现有单位' }).count()).resolves.toBe(
      1,
    );
    await shot(admin, 'from-plan-4-refused');
    await expect(h.admin.call<{ title: string }[]>('GET', '/api/campaigns')).resolves.toHaveLength(1);
    await h.admin.call('DELETE', `/api/units/${taken.id}`);
    await admin.getByTestId('plan-create').click();
    await admin.waitForURL(/\/admin\/campaigns\?edit=\d+/);
    const id = Number(new URL(admin.url()).searchParams.get('edit'));
    const rows = admin.getByTestId('check-item-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(12);
    const item8 = admin.locator('[data-testid=check-item-row][data-seq="8"]');
    await expect(item8.textContent()).resolves.toContain(RENAMED);
    await expect(
      admin.locator('[data-testid=check-item-row][data-seq="1"]').textContent(),
    ).resolves.toContain('三保障');
    const item12 = admin.locator('[data-testid=check-item-row][data-seq="12"]');
    await expect(item12.textContent()).resolves.toContain('区财政局');
    await shot(admin, 'from-plan-5-created');

    // The wizard starts empty again: its draft went with the creation.
    await admin.goto(`${h.baseUrl}/admin/campaigns/from-plan`);
    await admin.getByTestId('plan-upload-step').waitFor();
    await expect(admin.getByTestId('plan-restart').count()).resolves.toBe(0);

    // The 月报表 of the new campaign lists exactly its items, the new department's included.
    const cookie = await signIn(h.baseUrl, 'admin', ADMIN_PASSWORD);
    const campaign = (await (
      await fetch(`${h.baseUrl}/api/campaigns/${id}`, { headers: { cookie } })
    ).json()) as { milestones: { kind: string; period: string | null; dueDate: string }[] };
    const monthly = campaign.milestones.filter((m) => m.kind === 'monthly');
    expect(monthly.map((m) => m.dueDate)).toEqual(
      ['02', '03', '04', '05', '06', '07'].map((m) => `2027-${m}-05`),
    );
    const period = monthly[0]?.period;
    const res = await fetch(`${h.baseUrl}/api/campaigns/${id}/monthly-reports/${period}/export?format=xlsx`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(String(ws.getCell(1, 1).value)).toBe(CAPTION);
    const listed = new Map<number, { content: string; units: string[] }>();
    ws.eachRow((row, n) => {
      const seq = Number(row.getCell(1).value);
      if (n <= 3 || !Number.isInteger(seq) || seq < 1) return;
      const entry = listed.get(seq) ?? { content: String(row.getCell(3).value ?? ''), units: [] };
      entry.units.push(String(row.getCell(7).value ?? ''));
      listed.set(seq, entry);
    });
    expect([...listed.keys()]).toEqual(ROWS.map((_, i) => i + 1));
    expect([...listed.values()].map((e) => e.content)).toEqual(
      ROWS.map((r, i) => (i === 1 ? CORRECTED : r[1])),
    );
    // The 责任单位 column prints the unit under the name the office gave it.
    expect(listed.get(8)?.units.join('\n')).toContain(RENAMED);
  }, 180_000);

  it('reads the plan itself (.docx): its 37 items, title, 文号 and 时间安排 as editable rows', async () => {
    const plan = seedPlan();
    await admin.goto(`${h.baseUrl}/admin/campaigns/from-plan`);
    await admin
      .getByTestId('plan-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: '工作方案.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await planDocx(plan, { docNumber: '连开扶组办〔2019〕7号' }),
      });
    await admin.getByTestId('plan-preview-step').waitFor();
    await expect(admin.getByTestId('plan-item').count()).resolves.toBe(plan.rows.length);
    // Merged 排查项目 cells of the Word table are shown merged.
    await expect(admin.locator('[data-testid=plan-items] td[rowspan]').count()).resolves.toBeGreaterThan(0);
    await shot(admin, 'from-plan-docx-preview');
    await next(admin);
    const info = admin.getByTestId('plan-info-step');
    await expect(info.getByLabel('活动名称').inputValue()).resolves.toBe(plan.body[0]);
    await expect(info.getByLabel('文号').inputValue()).resolves.toBe('连开扶组办〔2019〕7号');
    await expect(info.getByTestId('phase-row').count()).resolves.toBeGreaterThan(1);
    await expect(info.getByTestId('milestone-row').count()).resolves.toBeGreaterThan(0);
    await expect(info.getByLabel('阶段1开始').inputValue()).resolves.toMatch(/^\d{4}年\d+月\d+日$/);
    await shot(admin, 'from-plan-docx-info');
    await admin.getByTestId('plan-restart').click();
    await admin.getByTestId('plan-upload-step').waitFor();
  }, 120_000);
});
