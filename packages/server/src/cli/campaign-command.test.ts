// paicha campaign import, in-process with the test's database (both dialects): refused with the
// unresolved phrases listed (exit 2, nothing created), then created with --create-unit / --map.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';
import { planDocx, seedPlan, tableXlsx } from '../test/plan-files.js';
import { campaignCommand } from './campaign-command.js';

const HEADER = ['序号', '排查项目', '排查内容', '责任单位'];
const ROWS = [
  ['1', '整改落实', '巡视反馈问题是否逐条整改到位。', '各街道\n区水利局'],
  ['2', '', '整改台账是否建立并按月更新。', '区农业农村局、区财政局'],
  ['3', '长效机制', '是否建立防止返贫监测机制。', '住建局'],
];

/** Runs the command, returning its exit code and what it printed. */
async function paicha(t: TestApp, ...args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => out.push(s));
  const err = vi.spyOn(console, 'error').mockImplementation((s: string) => out.push(s));
  try {
    const code = await campaignCommand(['import', ...args], t.ctx.config);
    return { code, out: out.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe.each(DIALECTS)('paicha campaign import on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'paicha-plan-'));
  const table = path.join(dir, '整改任务分解表.xlsx');
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2021-02-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    writeFileSync(table, await tableXlsx('巡视整改任务分解月报表', HEADER, ROWS));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const campaigns = async () => (await t.request('GET', '/api/campaigns', admin)).json() as { id: number }[];

  it('refuses with exit 2 listing each unresolved phrase, its items and suggestions; nothing is created', async () => {
    const before = (await campaigns()).length;
    const r = await paicha(
      t,
      table,
      '--title',
      '巡视整改',
      '--start',
      '2021-03-01',
      '--end',
      '2021-06-30',
      '--json',
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      status: 'unresolved',
      unresolved: [
        { phrase: '区水利局', seqs: [1], suggestions: expect.any(Array) },
        { phrase: '区农业农村局', seqs: [2], suggestions: expect.any(Array) },
      ],
    });
    const text = await paicha(
      t,
      table,
      '--title',
      '巡视整改',
      '--start',
      '2021-03-01',
      '--end',
      '2021-06-30',
    );
    expect(text.code).toBe(2);
    expect(text.out).toContain('区水利局（第1项）');
    expect(await campaigns()).toHaveLength(before);
  });

  it('creates the campaign with --create-unit and --map (exit 0), its items on the named units', async () => {
    const r = await paicha(
      t,
      table,
      '--title',
      '巡视整改',
      '--doc-number',
      '开管扶组办〔2021〕5号',
      '--start',
      '2021-03-01',
      '--end',
      '2021-06-30',
      '--create-unit',
      '区水利局:department',
      '--map',
      '区农业农村局=区社会事业局',
      '--json',
    );
    expect(r.code, r.out).toBe(0);
    const { campaign } = JSON.parse(r.out);
    expect(campaign).toMatchObject({
      title: '巡视整改',
      itemCount: 3,
      unitsCreated: [{ name: '区水利局', kind: 'department' }],
    });
    const items = (await t.request('GET', `/api/campaigns/${campaign.id}/check-items`, admin)).json() as {
      subCategory: string;
      units: { name: string }[];
    }[];
    expect(items.map((i) => i.subCategory)).toEqual(['整改落实', '整改落实', '长效机制']);
    expect(items[0]?.units.map((u) => u.name)).toEqual([
      '中云街道',
      '猴嘴街道',
      '朝阳街道',
      '宋跳街道',
      '区水利局',
    ]);
    expect(items[1]?.units.map((u) => u.name).sort()).toEqual(['区社会事业局', '区财政局'].sort());
    // "住建局" is 区住建局 without the district's prefix.
    expect(items[2]?.units.map((u) => u.name)).toEqual(['区住建局']);
    const c = (await t.request('GET', `/api/campaigns/${campaign.id}`, admin)).json();
    expect(c).toMatchObject({
      docNumber: '开管扶组办〔2021〕5号',
      reportTitle: '巡视整改任务分解月报表',
      monthlyDueDay: 4,
    });
    expect(c.milestones.map((m: { period: string | null }) => m.period)).toEqual([
      '2021-04',
      '2021-05',
      '2021-06',
    ]);
  });

  it("imports the 2019 plan's Word file as it is, dates and all, from its text", async () => {
    const file = path.join(dir, '方案.docx');
    writeFileSync(file, await planDocx(seedPlan()));
    const r = await paicha(t, file, '--title', '2019年问题大排查（命令行导入）');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^已创建工作活动 #\d+“2019年问题大排查（命令行导入）”：37 项排查事项$/);
  });
});
