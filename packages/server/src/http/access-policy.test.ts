// The access policy's defects, each as it was found: a route answering without a session, read-only
// roles uploading, reporters filing 明察暗访 / 数据比对 problems by the API and by Excel import.
import { RESERVED_SOURCE_MESSAGE, RESERVED_SOURCES } from '@paicha/core';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { importLedger, tinyPdf, upload } from '../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';
import { firstCampaignId, problemBody } from '../test/problems.js';
import { registerAccessPolicy } from './policy.js';

/** A unit's ledger with one row per source given. */
async function ledgerWithSources(sources: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['排查事项序号', '问题描述', '发现日期', '整改方式', '整改时限', '问题来源']);
  for (const s of sources) ws.addRow([13, `来源为${s}的问题`, '2019-12-18', '限期整改', '2020-03-31', s]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the route gate', () => {
  it('refuses to start with an /api route that has neither an access rule nor public: true', async () => {
    const app = Fastify();
    registerAccessPolicy(app);
    expect(() => app.get('/api/forgotten', async () => ({ secret: true }))).toThrow(/no single access rule/);
    app.get('/api/open', { config: { public: true } }, async () => ({ ok: true }));
    expect((await app.inject({ url: '/api/open' })).statusCode).toBe(200);
    await app.close();
  });
});

describe.each(DIALECTS)('access policy on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: { cookie: string };
  let campaignId: number;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
    reporter = await t.userIn('中云街道', 'reporter');
    campaignId = await firstCampaignId(t, admin);
  });
  afterAll(() => t.close());

  it('answers GET /api/households/fields only with a session (401 without, 403 for a unit)', async () => {
    const url = '/api/households/fields?source=national';
    const anonymous = await t.request('GET', url);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    expect((await t.request('GET', url, reporter.cookie)).statusCode).toBe(403);
    expect((await t.request('GET', url, admin)).statusCode).toBe(200);
    // Public routes stay public.
    expect((await t.request('GET', '/api/health')).statusCode).toBe(200);
    expect((await t.request('GET', '/api/openapi.json')).statusCode).toBe(200);
    expect((await t.request('POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('lets only unit clerks upload: leader, inspector and the office get 403 and nothing is stored', async () => {
    const leader = await t.userIn('区领导小组办公室', 'leader');
    const inspector = await t.userIn('区领导小组办公室', 'inspector');
    for (const cookie of [leader.cookie, inspector.cookie, admin]) {
      const res = await upload(t, cookie, '照片.pdf', tinyPdf());
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const stored = await t.ctx.db.selectFrom('attachments').select('id').execute();
    expect(stored).toEqual([]);
    const head = await t.userIn('中云街道', 'unit_head');
    expect((await upload(t, head.cookie, '照片.pdf', tinyPdf())).statusCode).toBe(200);
    expect((await upload(t, reporter.cookie, '照片.pdf', tinyPdf())).statusCode).toBe(200);
  });

  it('refuses 明察暗访 and 数据比对 on the problem form, for a reporter and for the office', async () => {
    for (const source of ['明察暗访', '数据比对'] as const) {
      for (const [cookie, extra] of [
        [reporter.cookie, {}],
        [admin, { unitId: await unitId('中云街道') }],
      ] as const) {
        const res = await t.request(
          'POST',
          '/api/problems',
          cookie,
          problemBody(campaignId, { source, ...extra }),
        );
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'validation_failed',
          message: RESERVED_SOURCE_MESSAGE,
          details: [{ path: '/source' }],
        });
      }
    }
    expect(await countReserved()).toBe(0);
  });

  it('refuses an edit that sets a reserved source or takes one away', async () => {
    const created = await t.request('POST', '/api/problems', reporter.cookie, problemBody(campaignId));
    const p = created.json().problem;
    const toScreening = await t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
      version: p.version,
      source: '数据比对',
    });
    expect(toScreening.statusCode).toBe(400);
    expect(toScreening.json().error.message).toBe(RESERVED_SOURCE_MESSAGE);
    // A problem screening filed keeps its source: relabelled, it would close without re-screening.
    await t.ctx.db.updateTable('problems').set({ source: '数据比对' }).where('id', '=', p.id).execute();
    for (const cookie of [reporter.cookie, admin]) {
      const away = await t.request('PATCH', `/api/problems/${p.id}`, cookie, {
        version: p.version,
        source: '自查',
      });
      expect(away.statusCode).toBe(400);
    }
    // Other fields stay editable, with the source sent unchanged as a form sends it.
    const same = await t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
      version: p.version,
      source: '数据比对',
      place: '新的地点',
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().problem).toMatchObject({ source: '数据比对', place: '新的地点' });
  });

  it('refuses 明察暗访 and 数据比对 rows in the Excel import, naming row and column', async () => {
    const before = await countReserved();
    const file = await ledgerWithSources(['自查', '明察暗访', '数据比对']);
    for (const mode of ['check', 'all', 'valid']) {
      const res = await importLedger(t, reporter.cookie, file, mode);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
      expect(report.errors).toEqual([
        { row: 3, column: '问题来源', value: '明察暗访', message: RESERVED_SOURCE_MESSAGE },
        { row: 4, column: '问题来源', value: '数据比对', message: RESERVED_SOURCE_MESSAGE },
      ]);
      expect(report.imported).toBe(mode === 'valid' ? 1 : 0);
    }
    expect(await countReserved()).toBe(before);
  });

  async function unitId(name: string): Promise<number> {
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(`no unit ${name}`);
    return unit.id;
  }

  async function countReserved(): Promise<number> {
    const rows = await t.ctx.db
      .selectFrom('problems')
      .select('id')
      .where('source', 'in', [...RESERVED_SOURCES])
      .execute();
    return rows.length;
  }
});
