// The 通报 from draft to issue: every figure in the .docx text (word/document.xml) against the
// seeded scenario; the office's edits; issuing freezes figures and file; units see issued ones only.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  EXPECTED,
  EXPECTED_GROUPS,
  PERIOD,
  type Scenario,
  seedScenario,
} from '../../test/supervision-scenario.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

/** The paragraphs of a .docx (table cells excluded) and its table rows, as plain text. */
async function docxText(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  // Headers and footers live in their own parts: the 草稿 mark is searched in all of them.
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/&amp;/g, '&');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => text(p[0])).filter(Boolean);
  return { paragraphs, rows, marked: parts.some((p) => p.includes('草稿（未签发）')) };
}

describe.each(DIALECTS)('通报 drafts and issued circulars on %s', (dialect) => {
  let t: TestApp;
  let s: Scenario;
  let admin: string;
  let id: number;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    s = await seedScenario(t);
    admin = await s.admin();
  });
  afterAll(() => t.close());

  const url = (suffix = '') => `/api/supervision/circulars/${id}${suffix}`;
  const download = async (cookie = admin) => {
    const res = await t.request('GET', url('/docx'), cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };

  it('drafts a circular from the scorecard whose every figure matches the ledger and the reports', async () => {
    const res = await t.request('POST', '/api/supervision/circulars', admin, {
      campaignId: s.campaignId,
      ...PERIOD,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({ status: 'draft', version: 1, periodFrom: PERIOD.from, periodTo: PERIOD.to });
    expect(c.deadline).toBe('2020-03-12');
    const { paragraphs, rows, marked } = await docxText(await download());
    expect(marked).toBe(true);
    expect(paragraphs.slice(0, 3)).toEqual([
      '关于全区脱贫攻坚问题大排查整改工作进展情况的通报',
      '各街道、区各相关部门：',
      '根据省扶贫工作领导小组《关于印发〈开展脱贫攻坚问题大排查的工作方案〉的通知》（苏扶办〔2019〕60号）、《关于印发〈全市开展脱贫攻坚问题大排查工作方案〉的通知》（连扶组办〔2019〕7号）和《开发区脱贫攻坚问题大排查工作方案》要求，区领导小组办公室对2019年12月1日至2020年2月29日全区各街道、区各相关部门脱贫攻坚问题大排查整改工作进展情况进行了调度评估。现将有关情况通报如下：',
    ]);
    expect(paragraphs).toContain(
      '截至2020年2月29日，全区累计排查发现问题17个，其中“三落实”方面2个、“三精准”方面5个、“三保障”方面10个、其他方面0个；已整改销号8个，整改销号率47.1%；尚未销号9个，其中逾期未整改7个。',
    );
    expect(paragraphs).toContain(
      '2019年12月1日至2020年2月29日，各单位应报送月报及节点材料36份，按时报送15份，逾期报送4份，逾期未报17份，按时报送率41.7%；区领导小组办公室退回问题销号申请3次、退回报送材料1次。',
    );
    expect(paragraphs).toContain(
      '按照报送及时率（权重25%）、整改销号率（权重35%）、逾期问题控制（权重25%）、退回情况（权重15%）加权计算综合得分（满分100分），各单位排名如下：',
    );
    // The ranking table: one row per unit with its rates, counts and score.
    expect(rows[0]).toEqual([
      '名次',
      '单位',
      '按时报送率',
      '发现问题',
      '已销号',
      '销号率',
      '逾期问题',
      '退回次数',
      '综合得分',
    ]);
    const pct = (x: number, of: number) => (of === 0 ? '—' : `${Math.round((x / of) * 1000) / 10}%`);
    const expectedRows = Object.entries(EXPECTED)
      .map(([name, e]) => {
        const [expected, onTime, , , found, closed, overdue, rp, rr, , score, rank] = e as number[];
        return [
          ...[String(rank), name, pct(onTime as number, expected as number), String(found), String(closed)],
          ...[
            pct(closed as number, found as number),
            String(overdue),
            String((rp as number) + (rr as number)),
          ],
          (score as number).toFixed(1),
        ];
      })
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(rows.slice(1)).toEqual(expectedRows);
    // The units falling behind, under the plan's four headings, with their figures.
    const leads = ['（一）', '（二）', '（三）', '（四）'];
    Object.entries(EXPECTED_GROUPS).forEach(([group, units], i) => {
      expect(paragraphs).toContain(`${leads[i]}${group}。${units.join('、')}。`);
    });
    expect(paragraphs).toContain(
      '请被通报单位认真查找原因，举一反三，于2020年3月12日前将整改落实情况书面报送区领导小组办公室。',
    );
    expect(paragraphs.slice(-2)).toEqual(['区领导小组办公室', '2020年3月2日']);
  });

  it('lets the office edit the texts, refusing a stale version', async () => {
    const patch = {
      version: 1,
      docNumber: '区扶组办〔2020〕3号',
      requirements: '（一）立即整改。被通报单位要立即召开专题会议。\n（二）按时报送。',
      deadline: '2020-03-16',
    };
    let res = await t.request('PATCH', url(), admin, patch);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, docNumber: '区扶组办〔2020〕3号' });
    res = await t.request('PATCH', url(), admin, { ...patch, requirements: '覆盖' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
    const section = res.statusCode && (await t.request('GET', url(), admin)).json().document.sections[3];
    expect(section.paragraphs).toEqual([
      '（一）立即整改。被通报单位要立即召开专题会议。',
      '（二）按时报送。',
      '请被通报单位认真查找原因，举一反三，于2020年3月16日前将整改落实情况书面报送区领导小组办公室。',
    ]);
    const { paragraphs } = await docxText(await download());
    expect(paragraphs[0]).toBe('区扶组办〔2020〕3号');
    expect(paragraphs).toContain('（二）按时报送。');
  });

  it('keeps drafts from units; issuing freezes the figures and the file', async () => {
    const unit = await t.userIn('中云街道', 'unit_head');
    expect((await t.request('GET', url(), unit.cookie)).statusCode).toBe(404);
    const list = async (cookie: string) =>
      (await t.request('GET', `/api/supervision/circulars?campaignId=${s.campaignId}`, cookie)).json();
    expect(await list(unit.cookie)).toEqual([]);
    expect((await t.request('POST', url('/issue'), unit.cookie, { version: 2 })).statusCode).toBe(403);

    const res = await t.request('POST', url('/issue'), admin, { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const issued = res.json();
    expect(issued).toMatchObject({ status: 'issued', docDate: '2020-03-02', issuedBy: '系统管理员' });
    const file = await download();
    expect(createHash('sha256').update(file).digest('hex')).toBe(issued.docxSha256);
    expect((await docxText(file)).marked).toBe(false);

    // The ledger moves on; the issued circular does not.
    await t.ctx.db
      .updateTable('problems')
      .set({ status: 'closed', closed_at: '2020-02-01T00:00:00.000Z' })
      .execute();
    const again = (await t.request('GET', url(), admin)).json();
    expect(again.figures).toEqual(issued.figures);
    expect(Buffer.compare(await download(), file)).toBe(0);
    for (const [method, path, body] of [
      ['PATCH', '', { version: 3, intro: '改' }],
      ['POST', '/refresh', { version: 3 }],
      ['POST', '/issue', { version: 3 }],
    ] as const)
      expect((await t.request(method, url(path), admin, body)).statusCode).toBe(409);
    expect((await t.request('DELETE', url('?version=3'), admin)).statusCode).toBe(409);

    expect((await list(unit.cookie)).map((c: { id: number }) => c.id)).toEqual([id]);
    expect(Buffer.compare(await download(unit.cookie), file)).toBe(0);
  });

  it('issuing told every unit the ranking names, once, with a link; the criticised read why', async () => {
    const issued = (await t.request('GET', url(), admin)).json() as {
      figures: { units: { unit: { id: number; name: string }; rank: number | null }[] };
    };
    const named = issued.figures.units;
    const sent = (
      await t.request('GET', `/api/notifications?all=1&kind=circular&pageSize=500`, admin)
    ).json() as { items: { unitId: number; title: string; body: string; link: string; entityId: number }[] };
    expect(sent.items.map((n) => n.unitId).sort()).toEqual(named.map((u) => u.unit.id).sort());
    expect(sent.items.every((n) => n.link === `/supervision/circulars/${id}` && n.entityId === id)).toBe(
      true,
    );
    const criticised = new Set(
      Object.values(EXPECTED_GROUPS)
        .flat()
        .map((x) => x.slice(0, x.indexOf('（'))),
    );
    for (const u of named) {
      const n = sent.items.find((x) => x.unitId === u.unit.id);
      expect(n?.body).toContain(`排名第${u.rank}名`);
      if (criticised.has(u.unit.name)) {
        expect(n?.title).toContain('被通报批评');
        expect(n?.body).toContain('请于2020年3月16日前将整改落实情况书面报送区领导小组办公室');
      } else
        expect(n?.title).toBe(
          '【通报】区领导小组办公室印发《关于全区脱贫攻坚问题大排查整改工作进展情况的通报》（区扶组办〔2020〕3号）',
        );
    }
    // A street reads its own, in its own list.
    const zy = await t.userIn('中云街道', 'reporter');
    const own = (await t.request('GET', '/api/notifications?kind=circular', zy.cookie)).json();
    expect(own.items).toHaveLength(1);
    expect(own.items[0].body).toContain('成效不明显（整改销号率40%，发现问题5个、已销号2个）');
  });

  it('refreshes a draft from the ledger as it is now, and deletes drafts', async () => {
    let res = await t.request('POST', '/api/supervision/circulars', admin, {
      campaignId: s.campaignId,
      ...PERIOD,
    });
    const draft = res.json();
    expect(draft.figures.totals.figures.closed).toBe(17);
    res = await t.request('POST', `/api/supervision/circulars/${draft.id}/refresh`, admin, { version: 1 });
    expect(res.json()).toMatchObject({ version: 2 });
    res = await t.request('DELETE', `/api/supervision/circulars/${draft.id}?version=2`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.request('GET', `/api/supervision/circulars/${draft.id}`, admin)).statusCode).toBe(404);
    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'circular')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'circular.create',
      'circular.edit',
      'circular.issue',
      'circular.create',
      'circular.refresh',
      'circular.delete',
    ]);
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });
});
