// Messy real-world files through the HTTP API (upload → mapping → import → poll → report) and
// who sees what: streets only their own findings, masked; unmasking is the admin's, and logged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { runFindings } from '../../test/findings.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { runImport } from './import/import.service.js';
import { currentImports } from './import/imports.repository.js';
import { runScreening } from './screening/screening.service.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-hh-api-'));

function multipart(name: string, body: Buffer) {
  const boundary = '----paicha';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

// 国扶系统 export saved by Excel as GBK CSV: title rows, header synonyms, full-width digits, a
// 15-digit ID, a float-formatted 15-digit ID, a lower-case x, an unknown column (家庭住址).
const MESSY_GBK = [
  '开发区建档立卡贫困人口明细表,,,,,,,,',
  '填报单位：连云港开发区扶贫办,,,,,,,,',
  ',,,,,,,,',
  '户码,成员姓名,公民身份号码,与户主关系,家庭人口数,贫困户属性,脱贫状态,年人均纯收入（元）,乡镇（街道）,家庭住址',
  '3207001,张  三,\'３２０７０３１９９００１０１１２３４,户主,2,一般贫困户,已脱贫,"5,800.00",中云,某路1号',
  '3207001,李四,370986890623212,配偶,2,一般贫困户,已脱贫,5800,中云街道,某路1号',
  '3207002,王五,3.70986890623212E+14,户主,1,低保贫困户,未脱贫,0.45万,宋跳镇,某路2号',
  '3207002,赵六,11010519491231002x,子女,1,低保贫困户,未脱贫,4500,宋跳镇,某路2号',
].join('\r\n');

describe.each(DIALECTS)('household API on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  const poll = async (url: string) => {
    for (let i = 0; i < 200; i++) {
      const res = await t.request('GET', url, admin);
      if (res.json().status !== 'running') return res.json();
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out');
  };

  it('imports a messy GBK export with a mapping step, and shows the header match first', async () => {
    const up = multipart('国扶导出.csv', iconv.encode(MESSY_GBK, 'gbk'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/households/uploads?source=national',
      headers: { cookie: admin, ...up.headers },
      payload: up.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      headerRow: 4,
      ok: true,
      unknown: [{ header: '家庭住址' }],
    });
    expect(preview.sample[0][2]).toContain('*');
    expect(preview.sample[0][2]).not.toContain('１９９００１０１');
    const start = await t.request('POST', '/api/households/imports', admin, {
      uploadId: preview.upload.id,
      source: 'national',
      mapping: { 家庭住址: null },
    });
    expect(start.statusCode, start.body).toBe(202);
    const job = await poll(`/api/households/imports/${start.json().id}`);
    expect(job).toMatchObject({ status: 'committed', rows: 4, accepted: 4, rejected: 0, progress: 1 });
    const imports = await currentImports(t.ctx.db);
    const rows = await t.ctx.db
      .selectFrom(`household_rows_${imports.national}` as never)
      .select(['id_number', 'name', 'income', 'township', 'id_error'] as never)
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id_number: '320703199001011234',
          name: '张三',
          income: 5800,
          township: '中云',
        }),
        expect.objectContaining({ id_number: '370986198906232123', name: '李四', id_error: null }),
        expect.objectContaining({ id_number: '11010519491231002X', income: 4500, id_error: null }),
      ]),
    );
    expect(rows.find((r) => (r as { name: string }).name === '王五')).toMatchObject({
      id_number: '370986198906232123',
      income: 4500,
    });
  });

  it('rejects a broken xlsx with a per-row report, stores nothing, and serves the report as GBK CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['危房鉴定结果']);
    ws.mergeCells('A1:E1');
    ws.addRow(['户编号', '户主姓名', '户主身份证号', '鉴定等级', '鉴定日期']);
    ws.addRow(['3207001', '张三', 370986890623212, 'C级', 43631]);
    // An 18-digit ID typed as a number: Excel keeps 15 significant digits, the rest is lost.
    ws.addRow(['3207002', '王五', 320703199001011260, 'E级', '2019/13/01']);
    const file = path.join(dir, `broken-${dialect}.xlsx`);
    await wb.xlsx.writeFile(file);
    const before = await currentImports(t.ctx.db);
    const r = await runImport(t.ctx, {
      source: 'housing',
      path: file,
      fileName: 'h.xlsx',
      format: 'xlsx',
      actorId: null,
    });
    expect(r).toMatchObject({ status: 'rejected', rows: 2, rejected: 1 });
    expect(r.errors.map((e) => [e.row, e.column]).sort()).toEqual([
      [4, '户主身份证号'],
      [4, '鉴定日期'],
      [4, '鉴定等级'],
    ]);
    expect(await currentImports(t.ctx.db)).toEqual(before);
    const job = (await t.request('GET', `/api/households/imports/${r.importId}`, admin)).json();
    expect(job).toMatchObject({ status: 'rejected', progress: 1 });
    expect(job.bytesRead).toBe(job.bytesTotal);
    const tables = await t.ctx.db.introspection.getTables();
    expect(tables.some((tb) => tb.name === `household_rows_${r.importId}`)).toBe(false);
    const csv = await t.request('GET', `/api/households/imports/${r.importId}/errors.csv`, admin);
    expect(csv.statusCode).toBe(200);
    expect(iconv.decode(csv.rawPayload, 'gbk')).toContain('鉴定等级');
    const good = path.join(dir, `good-${dialect}.xlsx`);
    ws.spliceRows(4, 1);
    await wb.xlsx.writeFile(good);
    const ok = await runImport(t.ctx, {
      source: 'housing',
      path: good,
      fileName: 'h.xlsx',
      format: 'xlsx',
      actorId: null,
    });
    expect(ok.status).toBe('committed');
  });

  it('scopes findings to the street, masks them, and logs unmasked views; unknown places queue', async () => {
    const water = path.join(dir, `water-${dialect}.csv`);
    writeFileSync(water, '户编号,是否通自来水\n3207001,否\n3207002,否\n');
    await runImport(t.ctx, { source: 'water', path: water, fileName: 'w.csv', format: 'csv', actorId: null });
    const run = await runScreening(t.ctx, null);
    const found = await runFindings(t, run.summary.runId);
    expect(found.filter((f) => f.rule === 'no_safe_water')).toHaveLength(2);
    const zhongyun = await t.userIn('中云街道', 'reporter');
    const houzui = await t.userIn('猴嘴街道', 'reporter');
    const mine = (await t.request('GET', '/api/households/findings', zhongyun.cookie)).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((f: { unit: { name: string } }) => f.unit.name === '中云街道')).toBe(true);
    const withPerson = mine.items.filter((f: { idNumber: string | null }) => f.idNumber);
    for (const f of withPerson) expect(f.idNumber).toMatch(/^\d{4}\*+\d{4}$/);
    const id = mine.items[0].id;
    expect((await t.request('GET', `/api/households/findings/${id}`, houzui.cookie)).statusCode).toBe(404);
    expect((await t.request('GET', '/api/households/households/3207001', houzui.cookie)).statusCode).toBe(
      404,
    );
    const hh = (await t.request('GET', '/api/households/households/3207001', zhongyun.cookie)).json();
    expect(hh.members[0].name).toBe('张*');
    // 与户主关系 as the file wrote it, beside the flag the 户主 rules use.
    expect(hh.members.map((m: { relation: string; isHead: boolean }) => [m.relation, m.isHead])).toEqual([
      ['户主', true],
      ['配偶', false],
    ]);
    // The same household in the other sources: the water list by 户编号, the appraisal by 户编号.
    const inWater = hh.sources.find((s: { source: string }) => s.source === 'water');
    expect(inWater.records).toHaveLength(1);
    expect(inWater.records[0].fields).toContainEqual({ label: '通自来水', value: '否' });
    const inHousing = hh.sources.find((s: { source: string }) => s.source === 'housing');
    expect(inHousing.records[0].fields).toContainEqual({ label: '鉴定等级', value: 'C级' });
    expect(inHousing.records[0].idNumber).toMatch(/^3709\*{10}\d{3}[\dX]$/);
    expect((await t.request('GET', '/api/households/findings?unmasked=1', zhongyun.cookie)).statusCode).toBe(
      403,
    );
    const open = (await t.request('GET', '/api/households/households/3207001?unmasked=1', admin)).json();
    expect(open.members.map((m: { name: string }) => m.name)).toContain('张三');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'household.unmasked_view')
      .execute();
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ entity_id: '3207001' })]));

    // 宋跳镇 matches 宋跳街道 by itself; a name no street has waits for the office.
    const places = (await t.request('GET', '/api/households/places?status=all', admin)).json();
    expect(places.find((p: { name: string }) => p.name === '宋跳镇').unit.name).toBe('宋跳街道');
    const ledger = (await t.request('GET', '/api/problems?source=数据比对', zhongyun.cookie)).json();
    expect(ledger.total).toBeGreaterThan(0);
  });

  it('lets the office edit rule parameters, validated by the rule schema', async () => {
    const reporter = await t.userIn('中云街道', 'reporter');
    expect(
      (
        await t.request('PATCH', '/api/households/rules/income_below_line', reporter.cookie, {
          params: { incomeLine: 7000 },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await t.request('PATCH', '/api/households/rules/income_below_line', admin, {
      params: { incomeLine: -1 },
    });
    expect(bad.statusCode).toBe(400);
    // In the office's words: the parameter's label, then why.
    expect(bad.json().error.message).toMatch(/脱贫标准（年人均纯收入）：.*过小/);
    const ok = await t.request('PATCH', '/api/households/rules/income_below_line', admin, {
      params: { incomeLine: 7000 },
      enabled: true,
    });
    expect(ok.json()).toMatchObject({ params: { incomeLine: 7000 }, checkItem: 20 });
    const rules = (await t.request('GET', '/api/households/rules', reporter.cookie)).json();
    expect(rules).toHaveLength(12);
  });
});
